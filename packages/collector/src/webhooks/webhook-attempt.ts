/**
 * What one delivery attempt came to. `gone` (the receiver answered 410) means the
 * endpoint should be disabled; `failed` is worth another attempt on the schedule,
 * no sooner than `retryAfterMs` when the receiver asked for a pause.
 */
export type WebhookAttempt =
  | { outcome: 'delivered'; status: number; durationMs: number }
  | { outcome: 'gone'; status: 410; durationMs: number }
  | { outcome: 'failed'; status: number | null; error: string; retryAfterMs: number | null; durationMs: number }
