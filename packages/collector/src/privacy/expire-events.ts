import type { Transactional } from '../transaction/store-transaction.js'

export interface ExpireOptions {
  /** ISO-8601: events whose timestamp is before it go, and the events feed entries carry if they arrived before it. */
  before: string
  /** Rows per transaction. Default 500: each batch holds the store's writer for a moment only. */
  batchSize?: number
  /**
   * Waits between batches, given how long the last one took. Default: as long again, so
   * retention never takes more than about half of the writer's time from ingestion.
   */
  pause?: (batchMs: number) => Promise<void>
}

const waitAsLong = (batchMs: number) => new Promise<void>((resolve) => setTimeout(resolve, batchMs))

export interface Expired {
  /** Events deleted. */
  events: number
  /** Feed entries whose event was dropped. */
  changes: number
}

/**
 * Retention: deletes the events past the window, then drops the event data of the feed
 * entries past it, in small batches, each its own short transaction, so that ingestion
 * (which takes turns with it for the store) never waits long behind it. Contacts,
 * attributes, summaries and the feed entries themselves stay.
 *
 * @example
 * await expireEvents(store, { before: '2024-02-01T00:00:00.000Z' }) // { events: 1200, changes: 1200 }
 */
export async function expireEvents(store: Transactional, options: ExpireOptions): Promise<Expired> {
  const { before, batchSize = 500, pause = waitAsLong } = options
  /** Runs one kind of batch until one comes back short; returns the rows it went through. */
  const drain = async (batch: () => Promise<number>) => {
    let total = 0
    for (;;) {
      const started = performance.now()
      const rows = await batch()
      total += rows
      if (rows < batchSize) return total
      await pause(performance.now() - started)
    }
  }
  const events = await drain(() => store.transaction((tx) => tx.deleteEventsBefore({ before, limit: batchSize })))
  const changes = await drain(() => store.transaction((tx) => tx.forgetChangesBefore({ before, limit: batchSize })))
  return { events, changes }
}
