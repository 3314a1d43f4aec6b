import type { Change } from '../events/change.js'
import type { StoreTransaction } from '../transaction/store-transaction.js'

/**
 * Something inside the collector that reacts to the feed (segments, automations): it
 * gets each committed change exactly once, in order, together with the transaction in
 * which its cursor advances, so its own writes and its progress commit together.
 */
export interface ChangeConsumer {
  /** Unique and stable: its cursor is stored under this name. */
  readonly name: string
  /** Handles a batch, writing only through `tx`. Throwing undoes the batch; it comes again. */
  handle(changes: readonly Change[], tx: StoreTransaction): Promise<void>
  /**
   * True when no change could give it work (nothing is defined for it): the follower then
   * moves its cursor past the feed without reading it. Asked in the transaction that moves
   * the cursor, after the feed's end was taken, so whatever is defined after the answer
   * only misses changes committed before it existed. Absent: never idle.
   */
  isIdle?(tx: StoreTransaction): Promise<boolean>
}
