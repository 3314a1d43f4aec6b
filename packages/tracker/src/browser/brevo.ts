import type { Properties, Tracker } from '../types.js'

type Call = (tracker: Tracker) => unknown

/**
 * Translates a Brevo tracker command into a tracker call, so that existing
 * `window.Brevo.push([...])` snippets keep working:
 * `['track', event_name, properties, event_data]` (event_data `{ id, data }` joins the properties),
 * `['identify', { identifiers: { email_id, ext_id }, attributes }]`, `['page', name, properties]`.
 * Anything else (Brevo's own `init`…) is ignored.
 *
 * @example
 * brevoCommand(['track', 'cart_updated', {}, { id: 'cart:1', data: { total: 12 } }])?.(tracker)
 */
export function brevoCommand(command: unknown): Call | undefined {
  if (!Array.isArray(command)) return
  const [name, first, second, eventData] = command as [string, any, any, any]
  if (name == 'track') {
    return (tracker) => {
      const properties: Properties = { ...second }
      if (eventData) {
        properties.id = eventData.id
        properties.data = eventData.data
      }
      tracker.track(first, properties)
    }
  }
  if (name == 'identify') {
    return (tracker) => {
      const { identifiers = {}, attributes } = first || {}
      tracker.identify({ email: identifiers.email_id, userId: identifiers.ext_id, attributes })
    }
  }
  if (name == 'page') return (tracker) => tracker.page(first, second)
  return undefined
}
