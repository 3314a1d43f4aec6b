import type { Database } from 'better-sqlite3'
import { prepared } from '../prepared.js'

/**
 * A consumer's saved cursor, or null. The writer's transaction already excludes every
 * other writer, so there is nothing more to lock.
 *
 * @example
 * lockConsumerCursor(db, { name: 'segments' })
 */
export function lockConsumerCursor(db: Database, { name }: { name: string }): string | null {
  return prepared<[string], string>(db, 'SELECT cursor FROM consumer_cursors WHERE name = ?').pluck().get(name) ?? null
}
