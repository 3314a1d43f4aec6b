import type { SegmentSequenceCondition } from '@sillage/protocol'
import { isWithin, timeBounds } from './time-bounds.js'
import { matchesStep, type SeenEvent } from './seen-events.js'

/**
 * Whether the contact did the steps in this order: an event for each step, each strictly
 * later than the previous one (events at the same instant are not ordered), all inside
 * `within` when given. Taking the earliest possible event for each step finds an order
 * whenever one exists; those events are the evidence.
 *
 * @example
 * evaluateSequence({ sequence: [{ event: 'wishlist_added' }, { event: 'order_completed' }] }, events, now).holds
 */
export function evaluateSequence(
  condition: SegmentSequenceCondition,
  events: readonly SeenEvent[],
  now: Date,
): { holds: boolean; evidence: { eventIds: string[] } } {
  const bounds = condition.within === undefined ? undefined : timeBounds(condition.within, now)
  const candidates = bounds === undefined ? events : events.filter((event) => isWithin(event.at, bounds))
  const chosen: SeenEvent[] = []
  let after = -Infinity
  for (const step of condition.sequence) {
    const next = candidates.find((event) => event.at > after && matchesStep(event, step))
    if (next === undefined) return { holds: false, evidence: { eventIds: chosen.map((event) => event.id) } }
    chosen.push(next)
    after = next.at
  }
  return { holds: true, evidence: { eventIds: chosen.map((event) => event.id) } }
}
