import type { Database } from 'better-sqlite3'
import type { MembershipWrite } from '../../../segments/stored-segment.js'
import { setMembership } from './set-membership.js'

/**
 * `setMembership` for many pairs at once, in order (each entry kept with its first entry
 * time). In-process, a prepared statement per pair costs no round trip.
 *
 * @example
 * setMemberships(db, { memberships: [{ segmentId: 'seg_1', contactId: 'c_1', member: true, at }] })
 */
export function setMemberships(db: Database, { memberships }: { memberships: readonly MembershipWrite[] }): void {
  for (const membership of memberships) setMembership(db, membership)
}
