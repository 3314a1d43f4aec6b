import type { Database } from 'better-sqlite3'
import type { NewChange } from '../../../events/change.js'
import { prepared } from '../prepared.js'

/**
 * Appends feed entries in order. The one writer connection makes `seq` the commit order.
 *
 * @example
 * appendChanges(db, { changes: [{ type: 'contact.created', at, contactId, data: {} }] })
 */
export function appendChanges(db: Database, { changes }: { changes: readonly NewChange[] }): void {
  const append = prepared<[string, string, string | null, string | null]>(
    db,
    'INSERT INTO changes (type, at, contact_id, data) VALUES (?, ?, ?, ?)',
  )
  for (const { type, at, contactId, data, dataJson } of changes) {
    append.run(type, at, contactId, data === null ? null : (dataJson ?? JSON.stringify(data)))
  }
}
