/** Runs a task every so often; injected so that tests drive time themselves, without sleeping. */
export interface Scheduler {
  /** Calls `task` every `ms` milliseconds until the returned function is called. */
  every(ms: number, task: () => void): () => void
}

/**
 * The real clock's scheduler. Its timer does not keep the process alive on its own.
 *
 * @example
 * const stop = timerScheduler.every(3_600_000, () => void maintenance.run())
 */
export const timerScheduler: Scheduler = {
  every(ms, task) {
    const timer = setInterval(task, ms)
    timer.unref()
    return () => clearInterval(timer)
  },
}
