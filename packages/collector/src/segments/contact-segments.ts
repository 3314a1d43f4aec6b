import type { Transactional } from '../transaction/store-transaction.js'

/** A segment a contact is in, as its profile lists it. */
export interface ContactSegment {
  id: string
  name: string
  enteredAt: string
}

/**
 * The segments a contact is a member of, by segment name.
 *
 * @example
 * await contactSegments(store, 'c_1') // [{ id: 'seg_…', name: 'Repeat buyers', enteredAt: '…' }]
 */
export async function contactSegments(store: Transactional, contactId: string): Promise<ContactSegment[]> {
  return store.transaction(async (tx) => {
    const memberships = await tx.readMemberships({ contactIds: [contactId] })
    if (memberships.length === 0) return []
    const segments = await tx.readSegments({})
    return memberships
      .flatMap(({ segmentId, enteredAt }) => {
        const segment = segments.find((candidate) => candidate.id === segmentId)
        return segment === undefined ? [] : [{ id: segmentId, name: segment.name, enteredAt }]
      })
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
  })
}
