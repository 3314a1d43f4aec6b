import type { Database } from 'better-sqlite3'
import { prepared } from '../prepared.js'

// One statement per batch, the ids as a JSON array: per-id lookups paid better-sqlite3's
// call overhead once per event. Still one index search per id: json_each feeds the IN list.
const sql = `SELECT message_id FROM events WHERE source = ? AND message_id IN (SELECT value FROM json_each(?))
  UNION ALL SELECT message_id FROM erased_messages WHERE source = ? AND message_id IN (SELECT value FROM json_each(?))`

/**
 * Which of these messageIds were ever stored for `source`, erased ones included.
 *
 * @example
 * storedMessageIds(db, { source: 'wk_1', messageIds: ['m1', 'm2'] }) // Set { 'm1' }
 */
export function storedMessageIds(
  db: Database,
  { source, messageIds }: { source: string; messageIds: readonly string[] },
): Set<string> {
  const ids = JSON.stringify(messageIds)
  return new Set(prepared<[string, string, string, string], string>(db, sql).pluck().all(source, ids, source, ids))
}
