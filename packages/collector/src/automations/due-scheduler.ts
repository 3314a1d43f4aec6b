import type { AutomationRecordKind } from './records/automation-record.js'
import type { Transactional } from '../transaction/store-transaction.js'
import { WakeableSleep } from '../feed/wakeable-sleep.js'

/** Looks again at least once a day, whatever the store said was due next. */
const MAX_SLEEP_MS = 24 * 60 * 60 * 1000

export interface DueSchedulerOptions {
  store: Transactional
  /** The records it wakes for. */
  kind: AutomationRecordKind
  /** Handles what is due now; resolves with how many records it took (0: nothing was due). */
  runDue: () => Promise<number>
  now: () => Date
  onError?: (error: unknown) => void
}

/**
 * Sleeps until the earliest record of a kind is due, then has it handled. It asks the
 * store for that one time (through the due-time index), never scans, and sets one timer:
 * nothing runs while nothing is due. `poke()` after a commit that may have added an
 * earlier record makes it look again. On start it handles whatever fell due while the
 * collector was down.
 *
 * @example
 * const timers = new DueScheduler({ store, kind: 'timer', runDue: () => fireDueTimers(deps), now })
 * timers.start()
 * timers.poke() // after a commit that added a timer
 */
export class DueScheduler {
  private stopped = true
  private running: Promise<void> | null = null
  private readonly sleeper = new WakeableSleep()

  constructor(private readonly options: DueSchedulerOptions) {}

  start(): void {
    if (this.running !== null) return
    this.stopped = false
    this.running = this.loop()
  }

  async stop(): Promise<void> {
    this.stopped = true
    this.poke()
    await this.running
    this.running = null
  }

  /** Something may have come due earlier than the scheduler knows: look again. */
  poke(): void {
    this.sleeper.wake()
  }

  private async loop(): Promise<void> {
    const { store, kind, runDue, now, onError = warn } = this.options
    while (!this.stopped) {
      let sleepMs: number | null = null
      try {
        while ((await runDue()) > 0 && !this.stopped);
        const next = await store.transaction((tx) => tx.nextDueAt({ kind }))
        sleepMs = next === null ? null : Math.max(0, Date.parse(next) - now().getTime())
      } catch (error) {
        onError(error)
        sleepMs = 1000
      }
      if (!this.stopped) await this.sleeper.sleep(sleepMs === null ? null : Math.min(sleepMs, MAX_SLEEP_MS))
    }
  }
}

function warn(error: unknown): void {
  process.emitWarning(
    `An automation scheduler failed; retrying: ${error instanceof Error ? error.message : String(error)}`,
  )
}
