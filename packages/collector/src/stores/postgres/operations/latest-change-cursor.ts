import type { Sql } from 'postgres'
import { encodeChangeCursor } from '../../change-cursor.js'

/**
 * A cursor after every change committed so far: reading on from it gives only what
 * commits later (a live view starts there instead of paging through the whole feed).
 *
 * The feed is ordered by writing transaction, and a transaction still in flight may
 * commit changes below the newest committed one. So the cursor is the oldest transaction
 * this statement's snapshot still sees running, at sequence 0: every change of an ended
 * transaction lies before it, every change still to commit after it. It can be early
 * (a transaction newer than a slow one may have committed already: those changes are read
 * again), never late, so nothing committed later is skipped.
 *
 * @example
 * const after = await latestChangeCursor(sql)
 */
export async function latestChangeCursor(sql: Sql): Promise<string> {
  const [row] = await sql<{ xid: string }[]>`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xid`
  return encodeChangeCursor({ xid: row!.xid, seq: 0 })
}
