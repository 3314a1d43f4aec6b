import type { Database } from 'better-sqlite3'
import type { Membership } from '../../../segments/stored-segment.js'
import { prepared } from '../prepared.js'

/**
 * The memberships of these contacts in every segment.
 *
 * @example
 * readMemberships(db, { contactIds: ['c_1'] }) // [{ segmentId, contactId: 'c_1', enteredAt }]
 */
export function readMemberships(db: Database, { contactIds }: { contactIds: readonly string[] }): Membership[] {
  if (contactIds.length === 0) return []
  return prepared<[string], Membership>(
    db,
    `SELECT segment_id AS segmentId, contact_id AS contactId, entered_at AS enteredAt FROM segment_members
     WHERE contact_id IN (SELECT value FROM json_each(?)) ORDER BY segment_id, contact_id`,
  ).all(JSON.stringify(contactIds))
}
