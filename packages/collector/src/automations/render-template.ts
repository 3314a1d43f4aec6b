import { TEMPLATE_PLACEHOLDER, WHOLE_TEMPLATE_PLACEHOLDER } from '@sillage/protocol'
import { readTemplatePath } from './read-template-path.js'
import type { TemplateContext } from './template-context.js'

function asText(value: unknown): string {
  if (value === null || value === undefined) return ''
  return typeof value === 'string' ? value : JSON.stringify(value)
}

function renderString(text: string, context: TemplateContext): unknown {
  const whole = WHOLE_TEMPLATE_PLACEHOLDER.exec(text)
  if (whole) return readTemplatePath(context, whole[1]!.trim())
  return text.replace(TEMPLATE_PLACEHOLDER, (_, path: string) => asText(readTemplatePath(context, path.trim())))
}

/**
 * Fills a template in for one run. A string that is exactly `"{{path}}"` becomes the
 * value at that path with its JSON type (a number, an object…); placeholders inside
 * longer text become text. Paths that find nothing give null, or "" inside text.
 * Object keys are kept as written; nothing in a template runs or reaches outside `context`.
 *
 * @example
 * renderTemplate({ total: '{{trigger.properties.total}}', hi: 'Hi {{contact.attributes.firstName}}!' }, context)
 * // { total: 42, hi: 'Hi Ada!' }
 */
export function renderTemplate(template: unknown, context: TemplateContext): unknown {
  if (typeof template === 'string') return renderString(template, context)
  if (Array.isArray(template)) return template.map((item) => renderTemplate(item, context))
  if (template !== null && typeof template === 'object') {
    // fromEntries defines each key as an own property, so a "__proto__" key stays data.
    return Object.fromEntries(Object.entries(template).map(([key, item]) => [key, renderTemplate(item, context)]))
  }
  return template === undefined ? null : template
}
