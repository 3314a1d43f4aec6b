import type { Database } from 'better-sqlite3'
import { prepared } from '../prepared.js'

/**
 * Sets when a (segment, contact) pair must be re-checked, or removes its check (null).
 * An unchanged due time is not written again: most re-evaluations leave it as it was, and
 * a write costs a page in the log at commit.
 *
 * @example
 * scheduleSegmentCheck(db, { segmentId: 'seg_1', contactId: 'c_1', dueAt: '2024-05-15T00:00:00.000Z' })
 */
export function scheduleSegmentCheck(
  db: Database,
  { segmentId, contactId, dueAt }: { segmentId: string; contactId: string; dueAt: string | null },
): void {
  if (dueAt === null) {
    prepared(db, 'DELETE FROM segment_checks WHERE segment_id = ? AND contact_id = ?').run(segmentId, contactId)
    return
  }
  prepared(
    db,
    `INSERT INTO segment_checks (segment_id, contact_id, due_at) VALUES (?, ?, ?)
     ON CONFLICT (segment_id, contact_id) DO UPDATE SET due_at = excluded.due_at
     WHERE segment_checks.due_at <> excluded.due_at`,
  ).run(segmentId, contactId, dueAt)
}
