import type { SegmentFilter, SegmentSequenceStep } from '@sillage/protocol'
import { comparisonOf } from './comparison-of.js'
import { matchesComparison } from './matches-comparison.js'
import type { MembershipEvent } from './membership-input.js'
import { splitPropertyPath, valuesAtPath } from './property-path.js'

/** An event with its timestamp as epoch milliseconds. */
export interface SeenEvent {
  id: string
  name: string
  at: number
  properties: MembershipEvent['properties']
}

/**
 * The events that have happened at `now` (timestamp ≤ now), oldest first; ties keep their order.
 *
 * @example
 * seenEvents(contactEvents, new Date()).at(-1) // the latest event
 */
export function seenEvents(events: readonly MembershipEvent[], now: Date): SeenEvent[] {
  const limit = now.getTime()
  return events
    .map((event) => ({ id: event.id, name: event.name, at: Date.parse(event.timestamp), properties: event.properties }))
    .filter((event) => event.at <= limit)
    .sort((a, b) => a.at - b.at)
}

/**
 * Whether an event has the step's name and passes all of its filters.
 *
 * @example
 * matchesStep(event, { event: 'order_completed', where: [{ property: 'total', gte: 100 }] })
 */
export function matchesStep(event: SeenEvent, step: SegmentSequenceStep): boolean {
  return event.name === step.event && (step.where ?? []).every((filter) => matchesFilter(event, filter))
}

function matchesFilter(event: SeenEvent, filter: SegmentFilter): boolean {
  return matchesComparison(valuesAtPath(event.properties, splitPropertyPath(filter.property)), comparisonOf(filter))
}
