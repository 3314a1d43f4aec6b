/**
 * Sleeps `ms` milliseconds (forever with `null`), or until the wake-up function it hands
 * to `exposeWake` is called, whichever comes first. The loops that follow the feed or wait
 * for a due time (consumers, schedulers) sleep with it, so a commit can wake them early.
 * `exposeWake` gets the function while asleep, and `null` once awake again.
 *
 * @example
 * await sleepUntilWoken(1000, (wake) => { this.wake = wake })
 */
export function sleepUntilWoken(ms: number | null, exposeWake: (wake: (() => void) | null) => void): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = ms === null ? undefined : setTimeout(done, ms)
    function done() {
      clearTimeout(timer)
      exposeWake(null)
      resolve()
    }
    exposeWake(done)
  })
}
