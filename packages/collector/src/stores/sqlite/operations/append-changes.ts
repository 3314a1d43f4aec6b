import type { Database } from 'better-sqlite3'
import type { NewChange } from '../../../events/change.js'
import { prepared } from '../prepared.js'

/** Most rows per INSERT: one statement per size is prepared and kept, so their number stays small. */
const ROWS_PER_INSERT = 64

/**
 * Appends feed entries in order. The one writer connection makes `seq` the commit order.
 * A batch's entries go in one multi-row INSERT, not one statement per row: each statement
 * also rewrites the table's AUTOINCREMENT counter, and the feed adds a row per event.
 *
 * @example
 * appendChanges(db, { changes: [{ type: 'contact.created', at, contactId, data: {} }] })
 */
export function appendChanges(db: Database, { changes }: { changes: readonly NewChange[] }): void {
  for (let start = 0; start < changes.length; start += ROWS_PER_INSERT) {
    const rows = changes.slice(start, start + ROWS_PER_INSERT)
    const values: Array<string | null> = []
    for (const { type, at, contactId, data, dataJson } of rows) {
      values.push(type, at, contactId, data === null ? null : (dataJson ?? JSON.stringify(data)))
    }
    prepared(db, insertOf(rows.length)).run(values)
  }
}

const inserts: string[] = []

function insertOf(rows: number): string {
  inserts[rows] ??=
    `INSERT INTO changes (type, at, contact_id, data) VALUES ${Array(rows).fill('(?, ?, ?, ?)').join(', ')}`
  return inserts[rows]
}
