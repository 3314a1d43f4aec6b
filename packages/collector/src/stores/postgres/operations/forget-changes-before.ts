import type { PostgresHandle } from '../postgres-handle.js'

/**
 * Retention in the feed: at most `limit` `event.stored` entries that arrived before
 * `before` lose their event (`data` becomes null, as after an erasure). The entries
 * themselves stay, so every cursor handed out keeps working. Returns how many.
 *
 * @example
 * await forgetChangesBefore(handle, { before: '2024-02-01T00:00:00.000Z', limit: 500 })
 */
export async function forgetChangesBefore(
  { sql, pipeline }: PostgresHandle,
  { before, limit }: { before: string; limit: number },
): Promise<number> {
  const rows = await pipeline.read(sql`
    UPDATE changes SET data = NULL WHERE (xid, seq) IN (
      SELECT xid, seq FROM changes WHERE type = 'event.stored' AND data IS NOT NULL AND at < ${before}::timestamptz
      ORDER BY at LIMIT ${limit})`)
  return rows.count
}
