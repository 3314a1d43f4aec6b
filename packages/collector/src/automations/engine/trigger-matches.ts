import type { AutomationTrigger, JsonObject, SegmentFilter } from '@sillage/protocol'
import type { Change } from '../../events/change.js'
import { matchesStep } from '../../segments/seen-events.js'

/** An `event.stored` change's event, as triggers and waitFor steps look at it. */
export interface FeedEvent {
  name: string
  properties: JsonObject
  timestamp: string
  messageId: string
}

/**
 * The event an `event.stored` change records, or null for any other change (or an erased one).
 *
 * @example
 * const event = feedEvent(change)
 */
export function feedEvent(change: Change): FeedEvent | null {
  if (change.type !== 'event.stored' || change.data === null) return null
  const data = change.data as { name?: unknown; properties?: unknown; timestamp?: unknown; messageId?: unknown }
  if (typeof data.name !== 'string' || typeof data.messageId !== 'string') return null
  return {
    name: data.name,
    properties: (data.properties ?? {}) as JsonObject,
    timestamp: String(data.timestamp),
    messageId: data.messageId,
  }
}

/**
 * Whether an event is the one named (any event for `"*"`) and passes every filter.
 *
 * @example
 * eventMatches(event, { event: 'cart_updated', where: [{ property: 'total', gte: 20 }] })
 */
export function eventMatches(event: FeedEvent, wanted: { event: string; where?: SegmentFilter[] }): boolean {
  const seen = { id: event.messageId, name: event.name, at: Date.parse(event.timestamp), properties: event.properties }
  return matchesStep(seen, { event: wanted.event === '*' ? event.name : wanted.event, where: wanted.where })
}

/**
 * Whether a change fires a trigger: an event that matches it, or the contact entering or
 * leaving the segment it names.
 *
 * @example
 * automation.trigger.some((trigger) => triggerMatches(trigger, change))
 */
export function triggerMatches(trigger: AutomationTrigger, change: Change): boolean {
  if ('segment' in trigger) {
    const segmentId = (change.data as { segmentId?: unknown } | null)?.segmentId
    return change.type === `segment.${trigger.on}` && segmentId === trigger.segment
  }
  const event = feedEvent(change)
  return event !== null && eventMatches(event, trigger)
}
