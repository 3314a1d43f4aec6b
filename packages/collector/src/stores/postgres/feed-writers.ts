import type { TransactionSql } from 'postgres'

/**
 * The advisory lock that marks a transaction as a writer of this schema's change feed.
 *
 * A feed reader may read only the rows of transactions older than every writer still
 * running (see `operations/read-changes.ts`). PostgreSQL's own horizon,
 * `pg_snapshot_xmin(pg_current_snapshot())`, is the oldest transaction of the whole
 * server, every database included: any long transaction elsewhere would hold the feed
 * back. So each of our transactions takes this shared lock first, before it has an id,
 * and readers wait only for the transactions of their snapshot that hold it — or that
 * ended meanwhile (their rows are not in the reader's snapshot, so they must bound it too).
 *
 * @example
 * feedWritersKey('sillage') // "sillage feed sillage"
 */
export function feedWritersKey(schema: string | null): string {
  return `sillage feed ${schema ?? 'public'}`
}

/** Classid of the lock (`pg_locks.classid`); the objid is `hashtext(key)`. */
export const feedWritersLockClass = 0x5111a6e

/**
 * Run first in each writing transaction: takes the lock, then the transaction id, in that
 * order, in one statement — a reader never sees one of our transactions with an id but
 * without the lock.
 *
 * @example
 * await sql.begin(async (tx) => { await enterFeedWriters(tx, key); … })
 */
export async function enterFeedWriters(sql: TransactionSql, key: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock_shared(${feedWritersLockClass}::int4, hashtext(${key})), pg_current_xact_id()`
}
