import { durationMs, type SegmentCondition, type SegmentOccurrence, type SegmentTimeWindow } from '@sillage/protocol'
import type { MembershipInput } from './membership-input.js'
import { firstUnseenAt, matchesStep, seenEvents, type SeenEvent } from './seen-events.js'
import { isWithin, timeBounds } from './time-bounds.js'

/**
 * The earliest instant after `input.now` at which the result can change with time alone,
 * or null when only new data can change it. It may not change then (re-evaluate to know),
 * but it cannot change earlier: an event leaving a sliding `within` window, a first/last
 * occurrence crossing a `within`/`before` threshold, or a stored event whose timestamp is
 * still ahead of `now` coming into view. Other segments (`{"segment"}`) change on their
 * own schedule; their entering or leaving re-evaluates the segments that use them.
 *
 * @example
 * nextChangeAt({ event: 'logged_in', last: { before: '14d' } }, input) // last login + 14 days
 */
export function nextChangeAt(match: SegmentCondition, input: MembershipInput): Date | null {
  const now = input.now.getTime()
  const events = seenEvents(input.events, input.now)
  const candidates: number[] = []
  collect(match, { events, now: input.now, candidates })
  const unseen = firstUnseenAt(input.events, input.now)
  if (unseen !== null) candidates.push(unseen)
  const next = Math.min(...candidates.filter((at) => at > now))
  return Number.isFinite(next) ? new Date(next) : null
}

interface Collect {
  events: readonly SeenEvent[]
  now: Date
  candidates: number[]
}

function collect(condition: SegmentCondition, context: Collect): void {
  if ('all' in condition) return condition.all.forEach((child) => collect(child, context))
  if ('any' in condition) return condition.any.forEach((child) => collect(child, context))
  if ('not' in condition) return collect(condition.not, context)
  if ('event' in condition) {
    const matching = context.events.filter((event) => matchesStep(event, condition))
    leavingWindow(matching, condition.within, context)
    crossing(matching[0], condition.first, context)
    crossing(matching.at(-1), condition.last, context)
  }
  if ('sequence' in condition) {
    const matching = context.events.filter((event) => condition.sequence.some((step) => matchesStep(event, step)))
    leavingWindow(matching, condition.within, context)
  }
}

/** The oldest event in a sliding window leaves it first: the count changes then. */
function leavingWindow(events: SeenEvent[], window: SegmentTimeWindow | undefined, context: Collect): void {
  if (window === undefined) return
  const bounds = timeBounds(window, context.now)
  if (bounds.slidesBy === undefined) return
  const oldest = events.find((event) => isWithin(event.at, bounds))
  if (oldest !== undefined) context.candidates.push(oldest.at + bounds.slidesBy)
}

/** `{within: d}` stops holding, and `{before: d}` starts, when the occurrence turns `d` old. */
function crossing(event: SeenEvent | undefined, occurrence: SegmentOccurrence | undefined, context: Collect): void {
  if (event === undefined || occurrence === undefined) return
  const window = 'within' in occurrence ? occurrence.within : occurrence.before
  if (typeof window === 'string') context.candidates.push(event.at + durationMs(window)!)
}
