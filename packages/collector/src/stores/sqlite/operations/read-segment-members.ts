import type { Database } from 'better-sqlite3'
import type { SegmentMember } from '../../../segments/stored-segment.js'
import { prepared } from '../prepared.js'

/**
 * A page of a segment's members in contact-id order, after the contact id `after`.
 *
 * @example
 * readSegmentMembers(db, { segmentId: 'seg_1', limit: 50 })
 */
export function readSegmentMembers(
  db: Database,
  { segmentId, after, limit }: { segmentId: string; after?: string; limit: number },
): SegmentMember[] {
  return prepared<{ segmentId: string; after: string | null; limit: number }, SegmentMember>(
    db,
    `SELECT c.id, c.email, c.user_id AS userId, m.entered_at AS enteredAt
     FROM segment_members m JOIN contacts c ON c.id = m.contact_id
     WHERE m.segment_id = @segmentId AND (@after IS NULL OR m.contact_id > @after)
     ORDER BY m.contact_id LIMIT @limit`,
  ).all({ segmentId, after: after ?? null, limit })
}
