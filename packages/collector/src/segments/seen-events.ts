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

/** A history as seen at one instant: what happened by then, and when the next event comes into view. */
interface HistoryAt {
  limit: number
  count: number
  seen: readonly SeenEvent[]
  firstUnseenAt: number | null
}

/** The last answer per history: every segment re-evaluated for a contact asks again at the same `now`. */
const lastRead = new WeakMap<readonly MembershipEvent[], HistoryAt>()

function historyAt(events: readonly MembershipEvent[], now: Date): HistoryAt {
  const limit = now.getTime()
  const last = lastRead.get(events)
  if (last !== undefined && last.limit === limit && last.count === events.length) return last
  const all = events.map((event) => ({
    id: event.id,
    name: event.name,
    at: Date.parse(event.timestamp),
    properties: event.properties,
  }))
  let firstUnseenAt: number | null = null
  for (const event of all)
    if (event.at > limit && (firstUnseenAt === null || event.at < firstUnseenAt)) firstUnseenAt = event.at
  const seen = all.filter((event) => event.at <= limit).sort((a, b) => a.at - b.at)
  const read = { limit, count: events.length, seen, firstUnseenAt }
  lastRead.set(events, read)
  return read
}

/**
 * The events that have happened at `now` (timestamp ≤ now), oldest first; ties keep their
 * order. Asked again for the same history array at the same `now` (and of the same length),
 * it answers from the last time instead of parsing and sorting them again.
 *
 * @example
 * seenEvents(contactEvents, new Date()).at(-1) // the latest event
 */
export function seenEvents(events: readonly MembershipEvent[], now: Date): readonly SeenEvent[] {
  return historyAt(events, now).seen
}

/**
 * When the earliest event stamped after `now` comes into view (epoch milliseconds), or null.
 *
 * @example
 * firstUnseenAt(contactEvents, new Date()) // an event sent with a clock ahead of ours
 */
export function firstUnseenAt(events: readonly MembershipEvent[], now: Date): number | null {
  return historyAt(events, now).firstUnseenAt
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
