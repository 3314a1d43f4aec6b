import type { Transactional } from '../transaction/store-transaction.js'
import { explainCondition, type MembershipExplanation } from './evaluate-condition.js'
import type { StoredSegment } from './stored-segment.js'

/**
 * Why a contact is in or out of a segment at `now`: each condition with whether it holds
 * and the evidence that decided. `contactId` must be the surviving id (resolve a merged-away
 * id with `store.getContact` first). Null when the contact does not exist.
 *
 * @example
 * const why = await explainMembership(store, { segment, contactId: contact.id, now: new Date() })
 * why?.conditions[0] // { path: 'match', holds: false, evidence: { count: 0 } }
 */
export async function explainMembership(
  store: Transactional,
  { segment, contactId, now }: { segment: Pick<StoredSegment, 'match'>; contactId: string; now: Date },
): Promise<MembershipExplanation | null> {
  return store.transaction(async (tx) => {
    const input = await tx.readMembershipInput({ contactId })
    if (input === null) return null
    const memberOf = new Set((await tx.readMemberships({ contactIds: [contactId] })).map((m) => m.segmentId))
    return explainCondition(segment.match, { ...input, now, isMemberOf: (id) => memberOf.has(id) })
  })
}
