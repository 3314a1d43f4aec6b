import type { PostgresHandle } from '../postgres-handle.js'
import { texts } from '../text-array.js'

/**
 * The number of members of each segment (0 when none). Members whose contact is gone
 * (erased, merged away) and not yet handled are not counted.
 *
 * @example
 * await countSegmentMembers(handle, { segmentIds: ['seg_1'] }) // { seg_1: 12 }
 */
export async function countSegmentMembers(
  { sql, pipeline }: PostgresHandle,
  { segmentIds }: { segmentIds: readonly string[] },
): Promise<Record<string, number>> {
  const rows = await pipeline.read(sql<{ segmentId: string; size: string }[]>`
    SELECT m.segment_id AS "segmentId", count(*) AS size FROM segment_members m JOIN contacts c ON c.id = m.contact_id
    WHERE m.segment_id = ANY(${texts(sql, segmentIds)}::text[]) GROUP BY m.segment_id`)
  const sizes = Object.fromEntries(rows.map((row) => [row.segmentId, Number(row.size)]))
  return Object.fromEntries(segmentIds.map((id) => [id, sizes[id] ?? 0]))
}
