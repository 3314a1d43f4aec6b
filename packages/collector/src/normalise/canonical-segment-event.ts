import type { JsonObject } from '@sillage/protocol'

/**
 * A Segment-spec event as the browser libraries really send it, in the one shape the
 * schema reads:
 * - a top-level field sent as `null` is absent (analytics.js 2.0 sends `"userId": null`
 *   for every anonymous visitor);
 * - an `identify` keeps its traits where RudderStack puts them, in `context.traits`,
 *   under any top-level `traits` (Segment's place), which win key by key.
 * The input is never changed; a copy is made only when something had to move.
 *
 * @example
 * canonicalSegmentEvent({ type: 'identify', userId: 'u1', anonymousId: null, context: { traits: { plan: 'pro' } } })
 * // { type: 'identify', userId: 'u1', context: { traits: { plan: 'pro' } }, traits: { plan: 'pro' } }
 */
export function canonicalSegmentEvent(raw: JsonObject): JsonObject {
  let event = raw
  for (const key in raw) {
    if (raw[key] !== null) continue
    if (event === raw) event = { ...raw }
    delete event[key]
  }
  if (event.type !== 'identify' || !isObject(event.context) || !isObject(event.context.traits)) return event
  const traits = event.traits === undefined ? {} : event.traits
  // Anything but an object stays as sent, so the schema names the mistake.
  if (!isObject(traits)) return event
  return { ...event, traits: { ...event.context.traits, ...traits } }
}

const isObject = (value: unknown): value is JsonObject =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
