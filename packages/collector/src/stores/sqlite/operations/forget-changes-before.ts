import type { Database } from 'better-sqlite3'
import { toIsoInstant } from '../../iso-instant.js'
import { prepared } from '../prepared.js'

/**
 * Retention in the feed: at most `limit` `event.stored` entries that arrived before
 * `before` lose their event (`data` becomes null, as after an erasure). The entries
 * themselves stay, so every cursor handed out keeps working. Returns how many.
 *
 * @example
 * forgetChangesBefore(db, { before: '2024-02-01T00:00:00.000Z', limit: 500 })
 */
export function forgetChangesBefore(db: Database, { before, limit }: { before: string; limit: number }): number {
  return prepared<[string, number]>(
    db,
    `UPDATE changes SET data = NULL WHERE seq IN (
       SELECT seq FROM changes WHERE type = 'event.stored' AND data IS NOT NULL AND at < ? ORDER BY at LIMIT ?)`,
  ).run(toIsoInstant(before), limit).changes
}
