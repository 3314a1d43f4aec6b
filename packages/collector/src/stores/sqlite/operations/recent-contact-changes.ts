import type { Database } from 'better-sqlite3'
import type { Change, ChangeType } from '../../../events/change.js'
import { encodeChangeCursor } from '../../change-cursor.js'
import { prepared } from '../prepared.js'

interface ChangeRow {
  seq: number
  type: ChangeType
  at: string
  contactId: string | null
  data: string | null
}

/**
 * A contact's latest feed entries, newest first: those recorded under any of its ids (its
 * own and those merged into it, since an entry keeps the id of its moment).
 *
 * @example
 * recentContactChanges(reader, { contactIds: [contact.id, ...contact.mergedFrom], limit: 20 })
 */
export function recentContactChanges(db: Database, query: { contactIds: string[]; limit: number }): Change[] {
  if (query.contactIds.length === 0) return []
  const rows = prepared<[string, number], ChangeRow>(
    db,
    `SELECT seq, type, at, contact_id AS contactId, data FROM changes
     WHERE contact_id IN (SELECT value FROM json_each(?)) ORDER BY seq DESC LIMIT ?`,
  ).all(JSON.stringify(query.contactIds), query.limit)
  return rows.map(({ seq, data, ...row }) => ({
    cursor: encodeChangeCursor({ xid: '0', seq }),
    ...row,
    data: data === null ? null : JSON.parse(data),
  }))
}
