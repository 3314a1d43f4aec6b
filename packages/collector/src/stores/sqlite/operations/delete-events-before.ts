import type { Database } from 'better-sqlite3'
import { toIsoInstant } from '../../iso-instant.js'
import { prepared } from '../prepared.js'

/**
 * Retention: deletes at most `limit` of the oldest events whose timestamp is before
 * `before`, and returns how many. Summaries, contacts and attributes are left as they are.
 *
 * @example
 * deleteEventsBefore(db, { before: '2024-02-01T00:00:00.000Z', limit: 500 }) // 500, then … 0
 */
export function deleteEventsBefore(db: Database, { before, limit }: { before: string; limit: number }): number {
  return prepared<[string, number]>(
    db,
    'DELETE FROM events WHERE seq IN (SELECT seq FROM events WHERE timestamp < ? ORDER BY timestamp LIMIT ?)',
  ).run(toIsoInstant(before), limit).changes
}
