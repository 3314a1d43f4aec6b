import type { TransactionSql } from 'postgres'
import { decodeChangeCursor, encodeChangeCursor } from '../../change-cursor.js'
import { feedHorizon } from '../feed-horizon.js'
import type { StatementPipeline } from '../statement-pipeline.js'

/**
 * Where reading the feed on from `after` would end now, without reading the changes: the
 * cursor of the last one after `after` below the same horizon as `readChanges`, else
 * `after` itself. Never late: whatever commits later, or committed behind a writer still
 * running, lies beyond it. Unlike PostgreSQL's own oldest running transaction, the horizon
 * is held back by this schema's feed writers only.
 *
 * @example
 * await lastChangeCursor(handle, { after: await lockConsumerCursor(handle, { name: 'segments' }) })
 */
export async function lastChangeCursor(
  { sql, pipeline, feedKey }: { sql: TransactionSql; pipeline?: StatementPipeline; feedKey: string },
  { after }: { after: string | null },
): Promise<string | null> {
  const from = after === null ? { xid: '0', seq: 0 } : decodeChangeCursor(after)
  const query = sql<{ xid: string; seq: string }[]>`
    ${feedHorizon(sql, feedKey)}
    SELECT c.xid::text AS xid, c.seq FROM changes c, horizon h
    WHERE (c.xid, c.seq) > (${from.xid}::text::xid8, ${from.seq}::bigint) AND c.xid < h.xid
    ORDER BY c.xid DESC, c.seq DESC LIMIT 1`
  const [last] = pipeline === undefined ? await query : await pipeline.read(query)
  return last === undefined ? after : encodeChangeCursor({ xid: last.xid, seq: Number(last.seq) })
}
