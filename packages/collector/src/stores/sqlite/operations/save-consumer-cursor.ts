import type { Database } from 'better-sqlite3'
import { prepared } from '../prepared.js'

/**
 * Saves how far a consumer got, in the transaction of the consumer's own writes.
 *
 * @example
 * saveConsumerCursor(db, { name: 'segments', cursor: page.nextCursor })
 */
export function saveConsumerCursor(db: Database, { name, cursor }: { name: string; cursor: string }): void {
  prepared<[string, string]>(
    db,
    'INSERT INTO consumer_cursors (name, cursor) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET cursor = excluded.cursor',
  ).run(name, cursor)
}
