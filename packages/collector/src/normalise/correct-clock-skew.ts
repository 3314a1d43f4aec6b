import { MAX_TRUSTED_CLOCK_SKEW_MS } from '@sillage/protocol'

/**
 * The server-side time of an event, from the device's clock (docs/api.md, what is stored).
 * When the device clock is off by more than 60 s (receivedAt − sentAt), that offset is
 * added to the device timestamp; a smaller offset is transit time, not skew, and is
 * left alone. A timestamp still in the future is clamped to `receivedAt`.
 * All values in epoch milliseconds.
 *
 * @example
 * // device clock 1 h behind: the event happened 5 s before the batch left
 * correctClockSkew(sentAt - 5_000, sentAt, sentAt + 3_600_000) // receivedAt - 5_000
 */
export function correctClockSkew(originalTimestamp: number, sentAt: number | null, receivedAt: number): number {
  let timestamp = originalTimestamp
  if (sentAt !== null) {
    const offset = receivedAt - sentAt
    if (Math.abs(offset) > MAX_TRUSTED_CLOCK_SKEW_MS) timestamp = originalTimestamp + offset
  }
  return Math.min(timestamp, receivedAt)
}
