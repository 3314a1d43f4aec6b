import type { Database } from 'better-sqlite3'
import { prepared } from '../prepared.js'

/**
 * Deletes a segment, its memberships and its due checks; false when there was none.
 *
 * @example
 * deleteSegment(db, { id: 'seg_1' }) // true
 */
export function deleteSegment(db: Database, { id }: { id: string }): boolean {
  prepared(db, 'DELETE FROM segment_members WHERE segment_id = ?').run(id)
  prepared(db, 'DELETE FROM segment_checks WHERE segment_id = ?').run(id)
  return prepared(db, 'DELETE FROM segments WHERE id = ?').run(id).changes > 0
}
