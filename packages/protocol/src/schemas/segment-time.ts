import { z } from 'zod'
import { dateTime } from './common.js'

const durationPattern = /^([1-9][0-9]{0,5})(s|m|h|d|w)$/
const unitMs = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const
/** Longest duration a condition may look back: a century is already more history than any store keeps. */
const MAX_DURATION_MS = 36_525 * unitMs.d

/** A span back from now: `"90s"`, `"15m"`, `"2h"`, `"30d"`, `"8w"`. */
export type SegmentDuration = string

/** A fixed period, `since` inclusive, `until` exclusive (open-ended without it). */
export interface SegmentPeriod {
  since: string
  until?: string
}

/** Where a condition looks: a duration back from now, or a fixed period. */
export type SegmentTimeWindow = SegmentDuration | SegmentPeriod

/**
 * The length of a duration in milliseconds, or null when the text is not one.
 *
 * @example
 * durationMs('2h') // 7_200_000
 * durationMs('2 hours') // null
 */
export function durationMs(duration: string): number | null {
  const match = durationPattern.exec(duration)
  if (!match) return null
  const ms = Number(match[1]) * unitMs[match[2] as keyof typeof unitMs]
  return ms <= MAX_DURATION_MS ? ms : null
}

const durationHint =
  'must be a duration such as "90s", "15m", "2h", "30d" or "8w" (a whole number, then s, m, h, d or w), at most 36525d'

export const segmentDurationSchema = z
  .string({ error: durationHint })
  .refine((text) => durationMs(text) !== null, durationHint)

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
