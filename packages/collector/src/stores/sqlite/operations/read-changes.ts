import type { Database } from 'better-sqlite3'
import type { ChangePage, ChangeQuery, ChangeType } from '../../../events/change.js'
import { decodeChangeCursor, encodeChangeCursor } from '../../change-cursor.js'
import { prepared } from '../prepared.js'

interface ChangeRow {
  seq: number
  type: ChangeType
  at: string
  contactId: string | null
  data: string | null
}

/**
 * The feed after a cursor, oldest first. On the reader connection it sees committed
 * changes only; on the writer, those of the transaction under way too.
 *
 * @example
 * readChanges(reader, { after: page.nextCursor ?? undefined, limit: 100 })
 */
export function readChanges(db: Database, { after, limit }: ChangeQuery): ChangePage {
  const afterSeq = after === undefined ? 0 : decodeChangeCursor(after).seq
  const rows = prepared<[number, number], ChangeRow>(
    db,
    'SELECT seq, type, at, contact_id AS contactId, data FROM changes WHERE seq > ? ORDER BY seq LIMIT ?',
  ).all(afterSeq, limit)
  const changes = rows.map(({ seq, data, ...row }) => ({
    cursor: encodeChangeCursor({ xid: '0', seq }),
    ...row,
    data: data === null ? null : JSON.parse(data),
  }))
  return { changes, nextCursor: changes.at(-1)?.cursor ?? after ?? null }
}
