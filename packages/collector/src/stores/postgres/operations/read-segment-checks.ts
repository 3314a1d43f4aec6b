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
  // Two statements, not `$1 IS NULL OR due_at <= $1`: a generic plan of the OR cannot seek the due index.
  const rows = await pipeline.read(
    dueBy === undefined
      ? sql<Row[]>`
          SELECT segment_id AS "segmentId", contact_id AS "contactId", due_at AS "dueAt" FROM segment_checks
          ORDER BY due_at, segment_id, contact_id LIMIT ${limit}`
      : sql<Row[]>`
          SELECT segment_id AS "segmentId", contact_id AS "contactId", due_at AS "dueAt" FROM segment_checks
          WHERE due_at <= ${dueBy} ORDER BY due_at, segment_id, contact_id LIMIT ${limit}`,
  )
  return rows.map((row) => ({ ...row, dueAt: row.dueAt.toISOString() }))
}

type Row = Omit<SegmentCheck, 'dueAt'> & { dueAt: Date }
