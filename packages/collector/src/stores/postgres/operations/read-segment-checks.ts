import type { SegmentCheck } from '../../../segments/stored-segment.js'
import type { PostgresHandle } from '../postgres-handle.js'

/**
 * The checks due at or before `dueBy` (every one when omitted), earliest first.
 *
 * @example
 * await readSegmentChecks(handle, { limit: 1 }) // the next one due, whenever it is
 */
export async function readSegmentChecks(
  { sql, pipeline }: PostgresHandle,
  { dueBy, limit }: { dueBy?: string; limit: number },
): Promise<SegmentCheck[]> {
  const rows = await pipeline.read(sql<(Omit<SegmentCheck, 'dueAt'> & { dueAt: Date })[]>`
    SELECT segment_id AS "segmentId", contact_id AS "contactId", due_at AS "dueAt" FROM segment_checks
    WHERE ${dueBy ?? null}::timestamptz IS NULL OR due_at <= ${dueBy ?? null}
    ORDER BY due_at, segment_id, contact_id LIMIT ${limit}`)
  return rows.map((row) => ({ ...row, dueAt: row.dueAt.toISOString() }))
}
