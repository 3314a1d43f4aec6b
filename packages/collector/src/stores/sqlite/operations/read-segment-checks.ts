import type { Database } from 'better-sqlite3'
import type { SegmentCheck } from '../../../segments/stored-segment.js'
import { prepared } from '../prepared.js'

/**
 * The checks due at or before `dueBy` (every one when omitted), earliest first.
 *
 * @example
 * readSegmentChecks(db, { limit: 1 }) // the next one due, whenever it is
 */
export function readSegmentChecks(db: Database, { dueBy, limit }: { dueBy?: string; limit: number }): SegmentCheck[] {
  return prepared<{ dueBy: string | null; limit: number }, SegmentCheck>(
    db,
    `SELECT segment_id AS segmentId, contact_id AS contactId, due_at AS dueAt FROM segment_checks
     WHERE @dueBy IS NULL OR due_at <= @dueBy ORDER BY due_at, segment_id, contact_id LIMIT @limit`,
  ).all({ dueBy: dueBy ?? null, limit })
}
