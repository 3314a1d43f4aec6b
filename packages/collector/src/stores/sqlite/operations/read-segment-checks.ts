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
  const columns = 'SELECT segment_id AS segmentId, contact_id AS contactId, due_at AS dueAt FROM segment_checks'
  const order = 'ORDER BY due_at, segment_id, contact_id LIMIT @limit'
  // Two statements, not `@dueBy IS NULL OR due_at <= @dueBy`: with the OR the planner walks
  // the due index from its start, every check when none is due.
  if (dueBy === undefined) return prepared<{ limit: number }, SegmentCheck>(db, `${columns} ${order}`).all({ limit })
  return prepared<{ dueBy: string; limit: number }, SegmentCheck>(db, `${columns} WHERE due_at <= @dueBy ${order}`).all(
    { dueBy, limit },
  )
}
