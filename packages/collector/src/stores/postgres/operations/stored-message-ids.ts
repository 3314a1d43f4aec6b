import type { PostgresHandle } from '../postgres-handle.js'

/**
 * Which of these messageIds were ever stored for `source`, erased ones included.
 *
 * @example
 * await storedMessageIds(handle, { source: 'wk_1', messageIds: ['m1', 'm2'] }) // Set { 'm1' }
 */
export async function storedMessageIds(
  { sql, pipeline }: PostgresHandle,
  { source, messageIds }: { source: string; messageIds: readonly string[] },
): Promise<Set<string>> {
  // One unique-key lookup per id, whatever the statistics say: with `message_id = ANY($ids)`
  // a prepared statement could keep the plan it got while `events` was new and never
  // analysed, a scan of every event of the source. OFFSET 0 keeps each EXISTS a per-id
  // subplan: PostgreSQL neither hashes it nor turns it into a join that could choose a scan.
  const rows = await pipeline.read(sql<{ messageId: string }[]>`
    SELECT id AS "messageId" FROM unnest(${sql.array(messageIds as string[], 25)}::text[]) AS batch (id)
    WHERE EXISTS (SELECT FROM events WHERE source = ${source} AND message_id = batch.id OFFSET 0)
      OR EXISTS (SELECT FROM erased_messages WHERE source = ${source} AND message_id = batch.id OFFSET 0)`)
  return new Set(rows.map((row) => row.messageId))
}
