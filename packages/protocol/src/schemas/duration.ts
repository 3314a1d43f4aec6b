import { z } from 'zod'

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const
const EXAMPLES = 'such as "90s", "15m", "2h", "30d" or "8w"'
const DURATION = /^(\d{1,6})(s|m|h|d|w)$/

/** The shortest wait an automation may ask for: timers are not meant for sub-second pacing. */
export const MIN_DURATION_MS = 1000

/** The longest: ten years, well past any sensible wait and far inside what a timestamp can hold. */
export const MAX_DURATION_MS = 520 * UNIT_MS.w

/**
 * Milliseconds in a duration such as `"90s"`, `"15m"`, `"2h"`, `"30d"` or `"8w"`, or
 * `null` when the text is not one.
 *
 * @example
 * durationMs('2h') // 7200000
 * durationMs('2 hours') // null
 */
export function durationMs(text: string): number | null {
  const match = DURATION.exec(text)
  if (!match) return null
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS]
}

/**
 * A wait or timeout written as a number and a unit (`s`, `m`, `h`, `d`, `w`), kept as
 * written so a definition reads back the way it was sent; between 1 second and 10 years.
 */
export const durationSchema = z.string({ error: `must be a duration ${EXAMPLES}` }).superRefine((text, context) => {
  const ms = durationMs(text)
  const problem =
    ms === null
      ? `"${text.slice(0, 40)}" is not a duration: write a number and a unit, ${EXAMPLES}`
      : ms < MIN_DURATION_MS
        ? 'must be at least 1 second ("1s")'
        : ms > MAX_DURATION_MS
          ? 'must be at most 10 years ("520w")'
          : null
  if (problem) context.addIssue({ code: 'custom', message: problem })
})
