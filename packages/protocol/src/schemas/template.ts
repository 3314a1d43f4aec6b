import { z } from 'zod'
import { forEachTemplatePath, parseTemplatePath } from '../template-path.js'

/** Deepest nesting of objects and arrays a template may have. */
export const MAX_TEMPLATE_DEPTH = 32

/** Largest template, serialised, in bytes of UTF-8: it is stored with its automation. */
export const MAX_TEMPLATE_BYTES = 64 * 1024

function jsonProblem(value: unknown, depth: number): string | null {
  if (depth > MAX_TEMPLATE_DEPTH) return `is nested more than ${MAX_TEMPLATE_DEPTH} levels deep`
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return null
  if (typeof value === 'number') return Number.isFinite(value) ? null : 'holds a number JSON cannot carry'
  if (Array.isArray(value)) {
    for (const item of value) {
      const problem = jsonProblem(item, depth + 1)
      if (problem) return problem
    }
    return null
  }
  if (typeof value === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(value))) {
    return jsonProblem(Object.values(value), depth)
  }
  return 'must be JSON: strings, numbers, booleans, null, arrays and objects'
}

/**
 * A JSON value whose strings may hold `{{path}}` placeholders, filled in for each run.
 * Placeholders are checked here against the paths a run can offer, so a typo such as
 * `{{contact.emial}}` is refused when the automation is saved rather than sending null.
 */
export const templateSchema = z.unknown().superRefine((template, context) => {
  if (template === undefined) {
    context.addIssue({ code: 'custom', message: 'is required' })
    return
  }
  const problem = jsonProblem(template, 0)
  if (problem) {
    context.addIssue({ code: 'custom', message: problem })
    return
  }
  const bytes = new TextEncoder().encode(JSON.stringify(template)).length
  if (bytes > MAX_TEMPLATE_BYTES) {
    context.addIssue({ code: 'custom', message: `is ${bytes} bytes long, the limit is ${MAX_TEMPLATE_BYTES}` })
    return
  }
  forEachTemplatePath(template, (path, at) => {
    const parsed = parseTemplatePath(path)
    if ('problem' in parsed) context.addIssue({ code: 'custom', path: at, message: parsed.problem })
  })
})
