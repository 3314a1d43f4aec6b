import { durationMs, type SegmentTimeWindow } from '@sillage/protocol'

/** A window as instants: `after` exclusive (durations), `since` inclusive and `until` exclusive (periods). */
export interface TimeBounds {
  after?: number
  since?: number
  until?: number
  /** For a duration: its length, for when an event leaves the window as time passes. */
  slidesBy?: number
}

/**
 * Turns a window into bounds at `now`. `"30d"` holds an event less than 30 days old:
 * `timestamp > now − 30d`. The upper end is always `now` too: the future is not seen yet.
 *
 * @example
 * timeBounds('1h', new Date('2026-01-01T01:00:00Z'))
 * // { after: Date.parse('2026-01-01T00:00:00Z'), slidesBy: 3_600_000 }
 */
export function timeBounds(window: SegmentTimeWindow, now: Date): TimeBounds {
  if (typeof window === 'string') {
    const length = durationMs(window)!
    return { after: now.getTime() - length, slidesBy: length }
  }
  return { since: Date.parse(window.since), ...(window.until !== undefined ? { until: Date.parse(window.until) } : {}) }
}

/**
 * Whether an instant lies within the bounds (not checking `now`, which callers apply to all events).
 *
 * @example
 * isWithin(Date.parse('2026-01-01T00:30:00Z'), timeBounds('1h', new Date('2026-01-01T01:00:00Z'))) // true
 */
export function isWithin(at: number, bounds: TimeBounds): boolean {
  return (
    (bounds.after === undefined || at > bounds.after) &&
    (bounds.since === undefined || at >= bounds.since) &&
    (bounds.until === undefined || at < bounds.until)
  )
}
