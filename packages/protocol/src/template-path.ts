/**
 * The paths a template may read, and nothing else: a template is data filled in from a
 * run's contact, trigger and event history, never an expression, so a path that does not
 * fit this grammar is a mistake worth refusing when the automation is saved.
 */
export const TEMPLATE_PATHS_HELP =
  'contact.id, contact.email, contact.userId, contact.attributes.NAME, trigger.name, trigger.timestamp, ' +
  'trigger.messageId, trigger.properties.PATH, event.NAME.count, event.NAME.first, event.NAME.last, ' +
  'event.NAME.lastProperties.PATH'

const CONTACT_FIELDS = ['id', 'email', 'userId']
const TRIGGER_FIELDS = ['name', 'timestamp', 'messageId']
const EVENT_FIELDS = ['count', 'first', 'last']

/**
 * A placeholder in text: `{{ path }}`, spaces inside the braces allowed (callers trim the
 * path). No `\s*` around the capture: with a lazy capture that backtracks quadratically.
 */
export const TEMPLATE_PLACEHOLDER = /\{\{([^{}]*)\}\}/g

/** A string that is one placeholder and nothing else, which keeps the JSON type of the value. */
export const WHOLE_TEMPLATE_PLACEHOLDER = /^\{\{([^{}]*)\}\}$/

/**
 * The segments of a template path, or the reason it is not one. `contact.attributes`,
 * `trigger.properties` and `event.NAME.lastProperties` may be read whole or walked into
 * (`trigger.properties.items.0.price`); the other fields are leaves.
 *
 * @example
 * parseTemplatePath('trigger.properties.data.items') // { segments: ['trigger', 'properties', 'data', 'items'] }
 * parseTemplatePath('contact.password') // { problem: 'unknown template path "contact.password": use …' }
 */
export function parseTemplatePath(path: string): { segments: string[] } | { problem: string } {
  const segments = path.trim().split('.')
  const unknown = { problem: `unknown template path "${path.slice(0, 80)}": use ${TEMPLATE_PATHS_HELP}` }
  if (segments.some((segment) => segment === '')) return unknown
  const [root, second, third] = segments
  const isLeaf = (fields: string[], field: string | undefined, length: number) =>
    field !== undefined && fields.includes(field) && segments.length === length
  switch (root) {
    case 'contact':
      return isLeaf(CONTACT_FIELDS, second, 2) || second === 'attributes' ? { segments } : unknown
    case 'trigger':
      return isLeaf(TRIGGER_FIELDS, second, 2) || second === 'properties' ? { segments } : unknown
    case 'event':
      return second !== undefined && (isLeaf(EVENT_FIELDS, third, 3) || third === 'lastProperties')
        ? { segments }
        : unknown
    default:
      return unknown
  }
}

/**
 * The event names a template reads (`event.NAME.…`), so the history to load for a run
 * is known before rendering.
 *
 * @example
 * templateEventNames({ total: '{{event.order_completed.count}}' }) // ['order_completed']
 */
export function templateEventNames(template: unknown): string[] {
  const names = new Set<string>()
  forEachTemplatePath(template, (path) => {
    const parsed = parseTemplatePath(path)
    if ('segments' in parsed && parsed.segments[0] === 'event') names.add(parsed.segments[1]!)
  })
  return [...names]
}

/**
 * Calls `visit` with each placeholder path in a template (strings inside objects and
 * arrays included) and where it was found.
 *
 * @example
 * forEachTemplatePath({ a: ['{{contact.id}}'] }, (path, at) => console.log(path, at)) // contact.id ['a', 0]
 */
export function forEachTemplatePath(template: unknown, visit: (path: string, at: (string | number)[]) => void): void {
  const walk = (value: unknown, at: (string | number)[]): void => {
    if (typeof value === 'string') {
      for (const match of value.matchAll(TEMPLATE_PLACEHOLDER)) visit(match[1]!.trim(), at)
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => walk(item, [...at, index]))
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) walk(item, [...at, key])
    }
  }
  walk(template, [])
}
