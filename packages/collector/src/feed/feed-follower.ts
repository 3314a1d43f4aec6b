import type { StoreTransaction } from '../transaction/store-transaction.js'
import type { ChangeConsumer } from './change-consumer.js'
import type { FeedSource } from './feed-source.js'
import { WakeableSleep } from './wakeable-sleep.js'

export interface FeedFollowerOptions {
  source: FeedSource
  consumer: ChangeConsumer
  /** Changes per transaction. Default 100. */
  batchSize?: number
  /** Looks again after this long without a wake-up (see `waitForChanges`). Default 1 s. */
  pollMs?: number
  /** A failed batch is retried after `pollMs`; this hears of the failure. Default: a process warning. */
  onError?: (error: unknown) => void
  /** Hears of each committed batch that handled changes (e.g. to wake what its writes scheduled). */
  onBatch?: () => void
}

/**
 * Runs one consumer over the feed. Each batch is one store transaction: lock the consumer's
 * cursor, let the consumer handle the committed changes after it (read just before, see
 * `step`), save the new cursor. A kill -9 at any point leaves either all of that or none
 * of it, so after a restart the consumer resumes where its last commit left it: no change
 * skipped, none handled twice. On PostgreSQL the cursor's row lock keeps two collectors
 * from handling the same batch. Woken right after each commit that appended changes. A consumer with
 * nothing to do (`isIdle`) has its cursor moved to the feed's end instead, unread.
 *
 * @example
 * const follower = new FeedFollower({ source: store, consumer: segments })
 * follower.start()
 * await follower.stop()
 */
export class FeedFollower {
  private running: Promise<void> | null = null
  private stopped = false
  private readonly sleeper = new WakeableSleep()
  /** Where this process last saw the consumer's cursor; undefined until the first step reads it. */
  private cursor: string | null | undefined = undefined
  /** Whether the last step found the consumer busy: an idle one is not worth reading a page for. */
  private busy = false

  constructor(private readonly options: FeedFollowerOptions) {}

  /** Follows the feed until `stop()`. */
  start(): void {
    if (this.running !== null) return
    this.stopped = false
    const unsubscribe = this.options.source.onChanges(() => this.sleeper.wake())
    this.running = this.loop().finally(unsubscribe)
  }

  /** Finishes the batch under way, then stops. */
  async stop(): Promise<void> {
    this.stopped = true
    this.sleeper.wake()
    await this.running
    this.running = null
  }

  /**
   * Handles every change committed so far, batch after batch; resolves with how many.
   *
   * @example
   * await follower.catchUp() // e.g. in a test, or before answering a query
   */
  async catchUp(): Promise<number> {
    let handled = 0
    for (let batch = await this.step(); batch > 0; batch = await this.step()) handled += batch
    return handled
  }

  /**
   * One batch in one transaction; resolves with the number of changes handled.
   *
   * The page is read before the transaction, from what every reader sees: transactions
   * share a commit (group commit on both stores), and read inside one, the feed would also
   * hold the changes of those before it in the group, not committed yet — whose contacts
   * the consumer's other reads cannot see. The transaction then takes the cursor's lock
   * and handles the page only if the cursor is still where the page starts.
   */
  async step(): Promise<number> {
    const { source, consumer, batchSize = 100, onBatch } = this.options
    for (;;) {
      const start = this.cursor
      const page =
        start === undefined || !this.busy
          ? null
          : await source.readChanges({ ...(start === null ? {} : { after: start }), limit: batchSize })
      const handled = await source.transaction(async (tx: StoreTransaction) => {
        const cursor = await tx.lockConsumerCursor({ name: consumer.name })
        if (consumer.isIdle !== undefined) {
          const end = await tx.lastChangeCursor({ after: cursor })
          if (await consumer.isIdle(tx)) {
            if (end !== null && end !== cursor) await tx.saveConsumerCursor({ name: consumer.name, cursor: end })
            this.cursor = end ?? cursor
            this.busy = false
            return 0
          }
        }
        // First step, a consumer busy again, or another collector moved the cursor meanwhile:
        // read on from where the cursor is.
        this.busy = true
        if (page === null || cursor !== start) {
          this.cursor = cursor
          return null
        }
        if (page.changes.length === 0) return 0
        await consumer.handle(page.changes, tx)
        await tx.saveConsumerCursor({ name: consumer.name, cursor: page.nextCursor! })
        this.cursor = page.nextCursor
        return page.changes.length
      })
      if (handled === null) continue
      if (handled > 0) onBatch?.()
      return handled
    }
  }

  private async loop(): Promise<void> {
    const { pollMs = 1000, onError = warn } = this.options
    while (!this.stopped) {
      try {
        await this.catchUp()
      } catch (error) {
        onError(error)
      }
      if (!this.stopped) await this.sleeper.sleep(pollMs)
    }
  }
}

function warn(error: unknown): void {
  process.emitWarning(
    `A change-feed consumer failed; retrying: ${error instanceof Error ? error.message : String(error)}`,
  )
}
