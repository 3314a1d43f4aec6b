const BASE_MS = 1000
const MAX_MS = 5 * 60 * 1000

/**
 * How long to wait before retry number `attempt` (1, 2, …): the server's `Retry-After`
 * (seconds or an HTTP date) when it gave one, else exponential backoff with full jitter
 * (a random delay up to 1 s, 2 s, 4 s… capped at 5 min) so that clients recovering from
 * one outage do not come back in step.
 *
 * @example
 * retryDelay(3, null) // between 0 and 8000
 * retryDelay(1, '120') // 120000
 */
export function retryDelay(attempt: number, retryAfter: string | null): number {
  if (retryAfter) {
    const seconds = +retryAfter
    const ms = seconds >= 0 ? seconds * 1000 : Date.parse(retryAfter) - Date.now()
    if (ms >= 0) return Math.min(ms, MAX_MS)
  }
  return Math.random() * Math.min(MAX_MS, BASE_MS * 2 ** attempt)
}

/** Network errors, 408, 429 and 5xx are worth another try; other answers are final. */
export const isRetryable = (status: number | undefined) =>
  !status || status == 408 || status == 429 || status >= 500
