import type { SegmentMember } from '../../../segments/stored-segment.js'
import type { PostgresHandle } from '../postgres-handle.js'

/**
 * A page of a segment's members in contact-id order, after the contact id `after`.
 *
 * @example
 * await readSegmentMembers(handle, { segmentId: 'seg_1', limit: 50 })
 */
export async function readSegmentMembers(
  { sql, pipeline }: PostgresHandle,
  { segmentId, after, limit }: { segmentId: string; after?: string; limit: number },
): Promise<SegmentMember[]> {
  const rows = await pipeline.read(sql<(Omit<SegmentMember, 'enteredAt'> & { enteredAt: Date })[]>`
    SELECT c.id, c.email, c.user_id AS "userId", m.entered_at AS "enteredAt"
    FROM segment_members m JOIN contacts c ON c.id = m.contact_id
    WHERE m.segment_id = ${segmentId}
      AND (${after ?? null}::text IS NULL OR m.contact_id COLLATE "C" > ${after ?? null})
    ORDER BY m.contact_id COLLATE "C" LIMIT ${limit}`)
  return rows.map((row) => ({ ...row, enteredAt: row.enteredAt.toISOString() }))
}
