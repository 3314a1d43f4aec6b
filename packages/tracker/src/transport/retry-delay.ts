const BASE_MS = 1000
const MAX_MS = 5 * 60 * 1000

/**
 * How long to wait before retry number `attempt` (1, 2, …): the server's `Retry-After`
 * seconds when it gave some, else exponential backoff with full jitter (a random delay
 * up to 2 s, 4 s, 8 s… capped at 5 min) so that clients recovering from one outage do
 * not come back in step.
 *
 * @example
 * retryDelay(3) // between 0 and 8000
 * retryDelay(1, '120') // 120000
 */
export function retryDelay(attempt: number, retryAfter?: string | null): number {
  return Math.min(MAX_MS, retryAfter && +retryAfter >= 0 ? +retryAfter * 1000 : Math.random() * BASE_MS * 2 ** attempt)
}

/** Network errors (no status), 408, 429 and 5xx are worth another try; other answers are final. */
export const isRetryable = (status: number | undefined) => !status || status == 408 || status == 429 || status >= 500
