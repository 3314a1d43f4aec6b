import type { SegmentCountComparison, SegmentEventCondition, SegmentOccurrence } from '@sillage/protocol'
import { durationMs } from '@sillage/protocol'
import { isWithin, timeBounds } from './time-bounds.js'
import { matchesStep, type SeenEvent } from './seen-events.js'
import type { Occurrences } from './summary-occurrences.js'

/** What decided an event condition. */
export type EventEvidence = {
  /** Matching events in the window (all matching events without one). */
  count: number
  /** First and last matching event ever (ISO), whatever the window. */
  first: string | null
  last: string | null
  /** The counted events, oldest first (at most 20). */
  eventIds: string[]
}

const MAX_EVIDENCE_IDS = 20

/**
 * Evaluates `{event, where?, count?, within?, first?, last?}` on a contact's seen events.
 * `count` compares the number of matching events in `within` (all of them without it);
 * when `count` is absent it is "at least once", unless only `first`/`last` are given.
 * `first`/`last` look at the first/last matching event of the whole history, not only the
 * window, and never hold for a contact that never did it ("has not logged in for 14 days"
 * means it did, more than 14 days ago; add `{count: {eq: 0}}` in an `any` for "or never").
 * `summary`, when given (see `readsSummary`), supplies the count, first and last instead of
 * the events, which retention may have deleted.
 *
 * @example
 * evaluateEventCondition({ event: 'order_completed', count: { gte: 2 }, within: '30d' }, events, now).holds
 */
export function evaluateEventCondition(
  condition: SegmentEventCondition,
  events: readonly SeenEvent[],
  now: Date,
  summary?: Occurrences | null,
): { holds: boolean; evidence: EventEvidence } {
  const matching = events.filter((event) => matchesStep(event, condition))
  const bounds = condition.within === undefined ? undefined : timeBounds(condition.within, now)
  const counted = bounds === undefined ? matching : matching.filter((event) => isWithin(event.at, bounds))
  const occurrences = summary ?? {
    count: counted.length,
    first: matching[0]?.at ?? null,
    last: matching.at(-1)?.at ?? null,
  }
  const comparison = effectiveCount(condition)
  const holds =
    (comparison === undefined || compareCount(occurrences.count, comparison)) &&
    (condition.first === undefined || occurrenceHolds(condition.first, occurrences.first, now)) &&
    (condition.last === undefined || occurrenceHolds(condition.last, occurrences.last, now))
  const evidence = {
    count: occurrences.count,
    first: occurrences.first === null ? null : new Date(occurrences.first).toISOString(),
    last: occurrences.last === null ? null : new Date(occurrences.last).toISOString(),
    eventIds: counted.slice(0, MAX_EVIDENCE_IDS).map((event) => event.id),
  }
  return { holds, evidence }
}

/**
 * The count comparison an event condition applies: its own, else "at least once"
 * unless the condition is only about the first/last occurrence.
 *
 * @example
 * effectiveCount({ event: 'x', within: '1d' }) // { gte: 1 }
 * effectiveCount({ event: 'x', last: { before: '14d' } }) // undefined
 */
export function effectiveCount(condition: SegmentEventCondition): SegmentCountComparison | undefined {
  if (condition.count !== undefined) return condition.count
  const aboutOccurrence = condition.first !== undefined || condition.last !== undefined
  return aboutOccurrence && condition.within === undefined ? undefined : { gte: 1 }
}

function compareCount(count: number, comparison: SegmentCountComparison): boolean {
  if ('eq' in comparison) return count === comparison.eq
  if ('neq' in comparison) return count !== comparison.neq
  if ('gt' in comparison) return count > comparison.gt
  if ('gte' in comparison) return count >= comparison.gte
  if ('lt' in comparison) return count < comparison.lt
  return count <= comparison.lte
}

/** `{within}`: the occurrence lies in the window; `{before: d}`: it is at least `d` old. */
function occurrenceHolds(occurrence: SegmentOccurrence, at: number | null, now: Date): boolean {
  if (at === null) return false
  if ('within' in occurrence) return isWithin(at, timeBounds(occurrence.within, now))
  return at <= now.getTime() - durationMs(occurrence.before)!
}
