import type { Transactional } from '../transaction/store-transaction.js'

export interface ExpireOptions {
  /** ISO-8601: events whose timestamp is before it go, and the events feed entries carry if they arrived before it. */
  before: string
  /** Rows per transaction. Default 500: each batch holds the store's writer for a moment only. */
  batchSize?: number
}

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
export async function expireEvents(store: Transactional, { before, batchSize = 500 }: ExpireOptions): Promise<Expired> {
  const expired: Expired = { events: 0, changes: 0 }
  for (;;) {
    const deleted = await store.transaction((tx) => tx.deleteEventsBefore({ before, limit: batchSize }))
    expired.events += deleted
    if (deleted < batchSize) break
  }
  for (;;) {
    const forgotten = await store.transaction((tx) => tx.forgetChangesBefore({ before, limit: batchSize }))
    expired.changes += forgotten
    if (forgotten < batchSize) break
  }
  return expired
}
