/** Node timers wait at most 2^31 − 1 ms (about 24.8 days); a longer sleep is cut to that. */
const MAX_TIMER_MS = 2 ** 31 - 1

/** The timer functions a sleep uses: the global ones, or a test clock's. */
export interface SleepTimers {
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

const globalTimers: SleepTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
}

/**
 * The sleep of a loop that waits for a due time or for a commit (feed follower, automation
 * scheduler, segment upkeep): `sleep()` lasts until the time is up or `wake()` is called.
 * A wake-up that comes while the loop is busy between two sleeps is kept: the next sleep
 * returns at once, so a commit made during a pass is never missed.
 *
 * @example
 * const sleeper = new WakeableSleep()
 * store.onChanges(() => sleeper.wake())
 * while (!stopped) { await pass(); await sleeper.sleep(1000) }
 */
export class WakeableSleep {
  private woken = false
  private endSleep: (() => void) | null = null

  constructor(private readonly timers: SleepTimers = globalTimers) {}

  /** Ends the sleep under way, or the next one before it starts. */
  wake(): void {
    this.woken = true
    this.endSleep?.()
  }

  /** Until woken, or for `ms` milliseconds (null: until woken); resolves true when woken. */
  sleep(ms: number | null): Promise<boolean> {
    if (this.woken) {
      this.woken = false
      return Promise.resolve(true)
    }
    return new Promise<boolean>((resolve) => {
      const finish = (woken: boolean) => {
        if (timer !== undefined) this.timers.clearTimeout(timer)
        this.endSleep = null
        this.woken = false
        resolve(woken)
      }
      const timer = ms === null ? undefined : this.timers.setTimeout(() => finish(false), Math.min(ms, MAX_TIMER_MS))
      this.endSleep = () => finish(true)
    })
  }
}
