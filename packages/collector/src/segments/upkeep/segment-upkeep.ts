import { FeedFollower } from '../../feed/feed-follower.js'
import { WakeableSleep } from '../../feed/wakeable-sleep.js'
import type { Store } from '../../stores/store.js'
import { SegmentComputer } from './segment-computer.js'
import { SegmentConsumer } from './segment-consumer.js'
import { SegmentScheduler } from './segment-scheduler.js'

/** Feed changes the segment consumer handles per transaction. */
const CHANGES_PER_BATCH = 1000

export interface SegmentUpkeepOptions {
  store: Store
  /** The clock membership is judged by. Default: the system clock. */
  now?: () => Date
  /**
   * Longest sleep of the scheduler: a check written by another collector is seen at the
   * latest then. Default 30 s.
   */
  maxSleepMs?: number
  /** Hears of a failed step (it is retried). Default: a process warning. */
  onError?: (error: unknown) => void
}

/**
 * Everything that keeps segments current while the collector runs: the feed consumer
 * (changes re-evaluate the contacts they touched), the scheduler (re-checks due with time
 * alone, sleeping until the next is due) and the background computation of new and
 * edited segments.
 *
 * @example
 * const upkeep = new SegmentUpkeep({ store })
 * upkeep.start()
 * await upkeep.stop() // on close, before the store closes
 */
export class SegmentUpkeep {
  readonly consumer: SegmentConsumer
  readonly follower: FeedFollower
  readonly scheduler: SegmentScheduler
  readonly computer: SegmentComputer
  private running: Promise<void> | null = null
  private stopped = false
  private readonly sleeper = new WakeableSleep()
  /**
   * Set on start, by `segmentsSaved()` (this collector saved one, or the feed consumer saw
   * one computing: saved by another collector) and when a sleep runs its full length (an
   * idle collector still finishes what a stopped one left): the segments table is read only then.
   */
  private computeWanted = true

  constructor(private readonly options: SegmentUpkeepOptions) {
    const now = options.now ?? (() => new Date())
    this.consumer = new SegmentConsumer({ now, onComputing: () => this.segmentsSaved() })
    this.follower = new FeedFollower({
      source: options.store,
      consumer: this.consumer,
      onError: options.onError,
      // The consumer re-evaluates a batch with a few statements per page of contacts, so its
      // cost is mostly per batch: large batches keep up with ingestion where small ones fall behind.
      batchSize: CHANGES_PER_BATCH,
    })
    this.scheduler = new SegmentScheduler({ store: options.store, now })
    this.computer = new SegmentComputer({ store: options.store, now })
  }

  start(): void {
    if (this.running !== null) return
    this.stopped = false
    this.follower.start()
    const unsubscribe = this.options.store.onChanges(() => this.sleeper.wake())
    this.running = this.loop().finally(unsubscribe)
  }

  /**
   * A segment was created or edited: compute it now.
   *
   * @example
   * createCollector({ store, …, onSegmentsSaved: () => upkeep.segmentsSaved() })
   */
  segmentsSaved(): void {
    this.computeWanted = true
    this.sleeper.wake()
  }

  async stop(): Promise<void> {
    this.stopped = true
    this.sleeper.wake()
    await Promise.all([this.follower.stop(), this.running])
    this.running = null
  }

  /**
   * Brings everything up to date at the clock's time: computes pending segments, handles
   * the feed, runs due checks, until nothing is left (the feed's own entries included).
   *
   * @example
   * clock.set('2024-06-01T00:00:00Z'); await upkeep.settle()
   */
  async settle(): Promise<void> {
    for (;;) {
      const pages = await this.computer.runPending()
      const changes = await this.follower.catchUp()
      const checks = await this.scheduler.runDue()
      if (pages + changes + checks === 0) return
    }
  }

  private async loop(): Promise<void> {
    const { maxSleepMs = 30_000, onError = warn, now = () => new Date() } = this.options
    while (!this.stopped) {
      let sleepMs = maxSleepMs
      try {
        if (this.computeWanted) {
          this.computeWanted = false
          await this.computer.runPending()
        }
        await this.scheduler.runDue()
        const next = await this.scheduler.nextDueAt()
        if (next !== null) sleepMs = Math.max(0, Math.min(maxSleepMs, next.getTime() - now().getTime()))
      } catch (error) {
        this.computeWanted = true
        sleepMs = 1000
        onError(error)
      }
      if (this.stopped || sleepMs === 0 || this.computeWanted) continue
      if (!(await this.sleeper.sleep(sleepMs))) this.computeWanted = true
    }
  }
}

function warn(error: unknown): void {
  process.emitWarning(`Segment upkeep failed; retrying: ${error instanceof Error ? error.message : String(error)}`)
}
