const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE

/**
 * The wait before each attempt of one message, after the one before it: the first at
 * once, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h — eight attempts over about a
 * day and a quarter, so a receiver down overnight still gets its messages.
 */
export const WEBHOOK_ATTEMPT_DELAYS_MS = [
  0,
  5 * SECOND,
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  5 * HOUR,
  10 * HOUR,
  10 * HOUR,
]

/** Each wait is stretched or shrunk by up to this share: messages that failed together do not return together. */
export const WEBHOOK_RETRY_JITTER = 0.1

/** A receiver's `Retry-After` is obeyed within these bounds: never a busy loop, never a wait past a day. */
export const RETRY_AFTER_BOUNDS_MS = { min: SECOND, max: 24 * HOUR }

export interface NextWebhookAttemptOptions {
  /** Attempts already made for this message, the one that just failed included. */
  attemptsMade: number
  /** The pause the receiver asked for, if it did. */
  retryAfterMs?: number | null
  /** A number in [0, 1); `Math.random` unless a test fixes it. */
  random?: () => number
}

/**
 * How long to wait before the next attempt of a message whose last attempt failed, or
 * null when that was the last one and the message has `failed`. A `Retry-After` takes
 * precedence over the schedule (within a second and a day); otherwise the scheduled wait
 * gets ±10 % jitter.
 *
 * @example
 * nextWebhookAttemptDelay({ attemptsMade: 1 }) // between 4500 and 5500
 * nextWebhookAttemptDelay({ attemptsMade: 3, retryAfterMs: 60_000 }) // 60000
 * nextWebhookAttemptDelay({ attemptsMade: 8 }) // null
 */
export function nextWebhookAttemptDelay(options: NextWebhookAttemptOptions): number | null {
  const { attemptsMade, retryAfterMs, random = Math.random } = options
  const scheduled = WEBHOOK_ATTEMPT_DELAYS_MS[attemptsMade]
  if (attemptsMade < 1 || scheduled === undefined) return null
  if (retryAfterMs !== null && retryAfterMs !== undefined) {
    return Math.min(RETRY_AFTER_BOUNDS_MS.max, Math.max(RETRY_AFTER_BOUNDS_MS.min, retryAfterMs))
  }
  return Math.round(scheduled * (1 - WEBHOOK_RETRY_JITTER + 2 * WEBHOOK_RETRY_JITTER * random()))
}
