import type { ChangePage, ChangeQuery } from '../events/change.js'
import type { Transactional } from '../transaction/store-transaction.js'

/** What the feed's readers need from a store (every store is one). */
export interface FeedSource extends Transactional {
  /** Committed changes after a cursor, oldest first. */
  readChanges(query: ChangeQuery): Promise<ChangePage>
  /** Calls `listener` after each commit that appended changes; returns the unsubscribe. */
  onChanges(listener: () => void): () => void
}
