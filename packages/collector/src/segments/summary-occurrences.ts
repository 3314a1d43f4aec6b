import type { SegmentEventCondition } from '@sillage/protocol'
import type { MembershipSummary } from './membership-input.js'

/** How many times, first and last (epoch ms) a contact did something, as of `now`. */
export interface Occurrences {
  count: number
  first: number | null
  last: number | null
}

/**
 * Whether a condition is answered by the per-name summaries rather than the events: it
 * looks at all time (no `within`) and at every event of the name (no `where`). Such
 * conditions still hold once retention has deleted the events they counted.
 *
 * @example
 * readsSummary({ event: 'order_completed', count: { gt: 3 } }) // true
 * readsSummary({ event: 'order_completed', within: '30d' }) // false
 */
export function readsSummary(condition: SegmentEventCondition): boolean {
  return condition.within === undefined && (condition.where === undefined || condition.where.length === 0)
}

/**
 * The summary's count, first and last, when its last event has happened by `now`; null
 * when some event of the name is stamped after `now` (not seen yet): the caller then counts
 * the seen events themselves. No summary at all: never done.
 *
 * @example
 * summaryOccurrences({ name: 'x', count: 4, first: '2024-01-01T00:00:00.000Z', last: '2024-05-01T00:00:00.000Z' }, now)
 */
export function summaryOccurrences(summary: MembershipSummary | undefined, now: Date): Occurrences | null {
  if (summary === undefined) return { count: 0, first: null, last: null }
  const last = Date.parse(summary.last)
  if (last > now.getTime()) return null
  return { count: summary.count, first: Date.parse(summary.first), last }
}
