import type { PendingQuery, Row, TransactionSql } from 'postgres'
import { feedWritersLockClass } from './feed-writers.js'

/**
 * The `WITH` clause that defines `horizon(xid)`: a reader of the feed may read only the
 * rows of transactions below it (see `operations/read-changes.ts` for why). Shared by
 * every query that must agree on where the feed ends.
 *
 * @example
 * sql`${feedHorizon(sql, feedKey)} SELECT … FROM changes c, horizon h WHERE c.xid < h.xid`
 */
export function feedHorizon(sql: TransactionSql, feedKey: string): PendingQuery<Row[]> {
  return sql`
    WITH snapshot AS (SELECT pg_current_snapshot() AS s),
    -- One read of the lock table, so both facts below are of the same instant.
    locks AS MATERIALIZED (SELECT locktype, mode, pid, transactionid, classid, objid, granted FROM pg_locks),
    unrelated AS (
      SELECT t.transactionid AS xid FROM locks t
      WHERE t.locktype = 'transactionid' AND t.mode = 'ExclusiveLock' AND t.granted AND NOT EXISTS (
        SELECT FROM locks l WHERE l.pid = t.pid AND l.locktype = 'advisory' AND l.granted
          AND l.classid::bigint = ${feedWritersLockClass} AND l.objid::bigint = hashtext(${feedKey})::bigint & 4294967295)
    ),
    horizon AS (
      SELECT coalesce(
        (SELECT min(x) FROM snapshot, pg_snapshot_xip(s) AS x WHERE x::xid NOT IN (SELECT xid FROM unrelated)),
        (SELECT pg_snapshot_xmax(s) FROM snapshot)) AS xid
    )`
}
