import type { TransactionSql } from 'postgres'
import type { ChangePage, ChangeQuery, ChangeType } from '../../../events/change.js'
import { decodeChangeCursor, encodeChangeCursor } from '../../change-cursor.js'
import type { StatementPipeline } from '../statement-pipeline.js'

interface ChangeRow {
  xid: string
  seq: string
  type: ChangeType
  at: Date
  contactId: string | null
  data: Record<string, unknown> | null
}

/**
 * The feed after a cursor, oldest first, by (transaction id, seq).
 *
 * Sequence values and transaction ids are taken before commit, so with several writers a
 * transaction can commit after a later one: reading every committed row would hand out a
 * cursor that the slower one then lands behind, skipped for good. So only the rows of
 * transactions older than the oldest one still running are read: every one of those has
 * ended, and every transaction still to commit has a larger id, so that prefix of the feed
 * never grows behind a reader. In a transaction that wrote, its own rows wait likewise.
 *
 * @example
 * await readChanges({ sql }, { after: cursor, limit: 100 })
 */
export async function readChanges({ sql, pipeline }: { sql: TransactionSql; pipeline?: StatementPipeline }, { after, limit }: ChangeQuery): Promise<ChangePage> {
  const from = after === undefined ? { xid: '0', seq: 0 } : decodeChangeCursor(after)
  const query = sql<ChangeRow[]>`
    SELECT xid::text AS xid, seq, type, at, contact_id AS "contactId", data FROM changes
    WHERE (xid, seq) > (${from.xid}::text::xid8, ${from.seq}::bigint) AND xid < pg_snapshot_xmin(pg_current_snapshot())
    ORDER BY xid, seq LIMIT ${limit}`
  const rows = pipeline === undefined ? await query : await pipeline.read(query)
  const changes = rows.map(({ xid, seq, at, ...row }) => ({ cursor: encodeChangeCursor({ xid, seq: Number(seq) }), ...row, at: at.toISOString() }))
  return { changes, nextCursor: changes.at(-1)?.cursor ?? after ?? null }
}
