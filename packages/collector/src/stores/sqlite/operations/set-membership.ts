import type { Database } from 'better-sqlite3'
import { prepared } from '../prepared.js'

/**
 * Records that a contact entered (kept with its first entry time) or left a segment;
 * true when it changed anything.
 *
 * @example
 * setMembership(db, { segmentId: 'seg_1', contactId: 'c_1', member: true, at: now }) // true: entered
 */
export function setMembership(
  db: Database,
  { segmentId, contactId, member, at }: { segmentId: string; contactId: string; member: boolean; at: string },
): boolean {
  const statement = member
    ? prepared(
        db,
        'INSERT INTO segment_members (segment_id, contact_id, entered_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING',
      )
    : prepared(db, 'DELETE FROM segment_members WHERE segment_id = ? AND contact_id = ?')
  return (member ? statement.run(segmentId, contactId, at) : statement.run(segmentId, contactId)).changes > 0
}
