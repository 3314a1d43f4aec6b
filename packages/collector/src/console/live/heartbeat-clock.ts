/**
 * Calls `tick` every `ms` until the returned function is called. The live view's
 * heartbeat takes one, so tests drive it by hand instead of waiting.
 */
export type HeartbeatClock = (ms: number, tick: () => void) => () => void

/**
 * The real clock, on `setInterval`.
 *
 * @example
 * const stop = intervalClock(15_000, () => void stream.write(': heartbeat\n\n'))
 */
export const intervalClock: HeartbeatClock = (ms, tick) => {
  const timer = setInterval(tick, ms)
  return () => clearInterval(timer)
}
