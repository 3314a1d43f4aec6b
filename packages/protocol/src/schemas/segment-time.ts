import { z } from 'zod'
import { dateTime } from './common.js'
import { durationMs } from './duration.js'

/** Longest duration a condition may look back: a century is already more history than any store keeps. */
const MAX_LOOKBACK_MS = 36_525 * 86_400_000

/** A span back from now: `"90s"`, `"15m"`, `"2h"`, `"30d"`, `"8w"`. */
export type SegmentDuration = string

/** A fixed period, `since` inclusive, `until` exclusive (open-ended without it). */
export interface SegmentPeriod {
  since: string
  until?: string
}

/** Where a condition looks: a duration back from now, or a fixed period. */
export type SegmentTimeWindow = SegmentDuration | SegmentPeriod

const isLookback = (text: string) => {
  const ms = durationMs(text)
  return ms !== null && ms > 0 && ms <= MAX_LOOKBACK_MS
}

const durationHint =
  'must be a duration such as "90s", "15m", "2h", "30d" or "8w" (a whole number, then s, m, h, d or w), at most 36525d'

export const segmentDurationSchema = z.string({ error: durationHint }).refine(isLookback, durationHint)

const periodSchema = z
  .strictObject({ since: dateTime, until: dateTime.optional() })
  .refine((period) => period.until === undefined || Date.parse(period.until) > Date.parse(period.since), {
    message: 'must come after since',
    path: ['until'],
  })

/**
 * `"30d"` (back from now) or `{"since": ISO, "until"?: ISO}`. Dispatched on the input's
 * type so that a problem inside a period is reported at its own path.
 */
export const segmentTimeWindowSchema = z.unknown().transform((value, context): SegmentTimeWindow => {
  const schema = typeof value === 'string' ? segmentDurationSchema : isObject(value) ? periodSchema : null
  if (schema === null) {
    context.addIssue({
      code: 'custom',
      message: `must be a duration such as "30d" or a period {"since": ISO, "until"?: ISO}`,
    })
    return z.NEVER
  }
  const result = schema.safeParse(value)
  if (result.success) return result.data
  for (const issue of result.error.issues) context.addIssue({ ...issue })
  return z.NEVER
})

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}
