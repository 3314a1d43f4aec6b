import type { Sql, TransactionSql } from 'postgres'
import type { Change, ChangeType } from '../../../events/change.js'
import { encodeChangeCursor } from '../../change-cursor.js'
import { texts } from '../text-array.js'

interface ChangeRow {
  xid: string
  seq: string
  type: ChangeType
  at: Date
  contactId: string | null
  data: Record<string, unknown> | null
}

/**
 * A contact's latest committed feed entries, newest first: those recorded under any of its
 * ids (its own and those merged into it, since an entry keeps the id of its moment).
 *
 * @example
 * await recentContactChanges(sql, { contactIds: [contact.id, ...contact.mergedFrom], limit: 20 })
 */
export async function recentContactChanges(
  sql: Sql,
  query: { contactIds: string[]; limit: number },
): Promise<Change[]> {
  if (query.contactIds.length === 0) return []
  const rows = await sql<ChangeRow[]>`
    SELECT xid::text AS xid, seq, type, at, contact_id AS "contactId", data FROM changes
    WHERE contact_id = ANY(${texts(sql as unknown as TransactionSql, query.contactIds)}::text[])
    ORDER BY xid DESC, seq DESC LIMIT ${query.limit}`
  return rows.map(({ xid, seq, at, ...row }) => ({
    cursor: encodeChangeCursor({ xid, seq: Number(seq) }),
    ...row,
    at: at.toISOString(),
  }))
}
