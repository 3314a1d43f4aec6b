import type { TransactionSql } from 'postgres'
import type { ChangePage, ChangeQuery, ChangeType } from '../../../events/change.js'
import { decodeChangeCursor, encodeChangeCursor } from '../../change-cursor.js'
import { feedHorizon } from '../feed-horizon.js'
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
 * transactions older than every feed writer in flight are read (the horizon): each of
 * those has ended, and every transaction still to write gets a larger id, so that prefix
 * of the feed never grows behind a reader. The in-flight ids come from the statement's
 * own snapshot, so they agree with what it sees. Left out are only the transactions that,
 * in one read of the lock table, are running without the feed writers' lock (see
 * `feed-writers.ts`): one that ended after the snapshot is not running there, so it still
 * bounds the horizon — its rows are not in this snapshot. In a transaction that writes,
 * its own rows wait likewise.
 *
 * @example
 * await readChanges({ sql, feedKey }, { after: cursor, limit: 100 })
 */
export async function readChanges(
  { sql, pipeline, feedKey }: { sql: TransactionSql; pipeline?: StatementPipeline; feedKey: string },
  { after, limit }: ChangeQuery,
): Promise<ChangePage> {
  const from = after === undefined ? { xid: '0', seq: 0 } : decodeChangeCursor(after)
  const query = sql<ChangeRow[]>`
    ${feedHorizon(sql, feedKey)}
    SELECT c.xid::text AS xid, c.seq, c.type, c.at, c.contact_id AS "contactId", c.data FROM changes c, horizon h
    WHERE (c.xid, c.seq) > (${from.xid}::text::xid8, ${from.seq}::bigint) AND c.xid < h.xid
    ORDER BY c.xid, c.seq LIMIT ${limit}`
  const rows = pipeline === undefined ? await query : await pipeline.read(query)
  const changes = rows.map(({ xid, seq, at, ...row }) => ({
    cursor: encodeChangeCursor({ xid, seq: Number(seq) }),
    ...row,
    at: at.toISOString(),
  }))
  return { changes, nextCursor: changes.at(-1)?.cursor ?? after ?? null }
}
