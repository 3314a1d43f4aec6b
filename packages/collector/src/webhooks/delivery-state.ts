import { nextWebhookAttemptDelay } from './retry-schedule.js'
import type { WebhookAttempt } from './webhook-attempt.js'

/** One attempt as it is kept and shown: when, the receiver's status (null without an answer), how long. */
export interface RecordedAttempt {
  at: string
  status: number | null
  durationMs: number
  error?: string
}

/**
 * Where a message can stand: `endpoint-deleted` ends one whose endpoint was deleted before
 * it was delivered, so it is never tried again.
 */
export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed', 'endpoint-deleted'] as const

/** Where one message stands. */
export interface DeliveryState {
  status: (typeof DELIVERY_STATUSES)[number]
  attempts: RecordedAttempt[]
  /** When the next attempt is due; null once delivered or failed. */
  nextAttemptAt: string | null
  /** Attempts made before the latest replay: the schedule counts only those after it. */
  replayedAfter: number
}

/**
 * A new message, due at once.
 *
 * @example
 * const delivery = newDelivery(new Date())
 */
export function newDelivery(now: Date): DeliveryState {
  return { status: 'pending', attempts: [], nextAttemptAt: now.toISOString(), replayedAfter: 0 }
}

/**
 * The state of a message after one more attempt: delivered; failed for good (after the
 * last attempt, or at once when the receiver answered 410, which also disables the
 * endpoint); or pending until the next attempt of the schedule.
 *
 * @example
 * const { delivery, disableEndpoint } = recordAttempt({ delivery, attempt, at: startedAt })
 */
export function recordAttempt(options: {
  delivery: DeliveryState
  attempt: WebhookAttempt
  at: Date
  random?: () => number
}): { delivery: DeliveryState; disableEndpoint: boolean } {
  const { delivery, attempt, at, random } = options
  const recorded: RecordedAttempt = { at: at.toISOString(), status: attempt.status, durationMs: attempt.durationMs }
  if (attempt.outcome === 'failed') recorded.error = attempt.error
  if (attempt.outcome === 'gone') recorded.error = 'answered 410 Gone: the endpoint is disabled'
  const attempts = [...delivery.attempts, recorded]
  const settled = (status: 'delivered' | 'failed') => ({ ...delivery, status, attempts, nextAttemptAt: null })
  if (attempt.outcome === 'delivered') return { delivery: settled('delivered'), disableEndpoint: false }
  if (attempt.outcome === 'gone') return { delivery: settled('failed'), disableEndpoint: true }
  const attemptsMade = attempts.length - delivery.replayedAfter
  const delayMs = nextWebhookAttemptDelay({ attemptsMade, retryAfterMs: attempt.retryAfterMs, random })
  if (delayMs === null) return { delivery: settled('failed'), disableEndpoint: false }
  const nextAttemptAt = new Date(at.getTime() + attempt.durationMs + delayMs).toISOString()
  return { delivery: { ...delivery, status: 'pending', attempts, nextAttemptAt }, disableEndpoint: false }
}

/**
 * A failed (or delivered) message made due again at once, with a fresh schedule; its
 * earlier attempts are kept.
 *
 * @example
 * const delivery = replayDelivery(stored, new Date())
 */
export function replayDelivery(delivery: DeliveryState, now: Date): DeliveryState {
  return { ...delivery, status: 'pending', nextAttemptAt: now.toISOString(), replayedAfter: delivery.attempts.length }
}

/**
 * A message whose endpoint is gone: ended, never tried again, its attempts kept.
 *
 * @example
 * const ended = { ...delivery, ...endedByDeletedEndpoint(delivery) }
 */
export function endedByDeletedEndpoint(delivery: DeliveryState): DeliveryState {
  return { ...delivery, status: 'endpoint-deleted', nextAttemptAt: null }
}
