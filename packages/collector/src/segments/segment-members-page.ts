import type { Transactional } from '../transaction/store-transaction.js'
import { encodeMembersCursor } from './members-cursor.js'
import { isPossibleId } from '../stores/possible-id.js'
import type { SegmentMember } from './stored-segment.js'

/** One page of a segment's members, and the cursor of the next page (null: the last page). */
export interface SegmentMembersPage {
  contacts: SegmentMember[]
  nextCursor: string | null
}

/**
 * A page of a segment's members in contact-id order, after the contact id `after` (a
 * decoded members cursor), or null when there is no such segment: one transaction that
 * reads the definition and the page, without counting the members.
 *
 * @example
 * await segmentMembersPage(store, { segmentId: 'seg_1', limit: 100 }) // { contacts: […], nextCursor: 'eyJ…' }
 */
export async function segmentMembersPage(
  store: Transactional,
  { segmentId, after, limit }: { segmentId: string; after?: string; limit: number },
): Promise<SegmentMembersPage | null> {
  if (!isPossibleId(segmentId)) return null
  const rows = await store.transaction(async (tx) => {
    if ((await tx.readSegments({ id: segmentId })).length === 0) return null
    return tx.readSegmentMembers({ segmentId, after, limit: limit + 1 })
  })
  if (rows === null) return null
  const contacts = rows.slice(0, limit)
  const nextCursor = rows.length > limit ? encodeMembersCursor(contacts.at(-1)!.id) : null
  return { contacts, nextCursor }
}
