import type { PostgresHandle } from '../postgres-handle.js'

/**
 * Retention: deletes at most `limit` of the oldest events whose timestamp is before
 * `before`, and returns how many. Summaries, contacts and attributes are left as they are.
 *
 * @example
 * await deleteEventsBefore(handle, { before: '2024-02-01T00:00:00.000Z', limit: 500 }) // 500, then … 0
 */
export async function deleteEventsBefore(
  { sql, pipeline }: PostgresHandle,
  { before, limit }: { before: string; limit: number },
): Promise<number> {
  const rows = await pipeline.read(sql`
    DELETE FROM events WHERE seq IN (
      SELECT seq FROM events WHERE timestamp < ${before}::timestamptz ORDER BY timestamp LIMIT ${limit})`)
  return rows.count
}
