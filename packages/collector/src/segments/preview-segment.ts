import type { SegmentCondition } from '@sillage/protocol'
import type { Transactional } from '../transaction/store-transaction.js'

/** A contact a preview shows. */
export interface PreviewContact {
  id: string
  email: string | null
  userId: string | null
}

/** How many contacts a condition matches now, and a few of them. */
export interface SegmentPreview {
  size: number
  sample: PreviewContact[]
}

/**
 * Matches a condition against every contact without saving anything: the number of
 * contacts it would hold now and the first `sampleSize` of them. References to other
 * segments use their current definitions.
 *
 * @example
 * await previewSegment(store, { match: { event: 'order_completed' }, now: new Date(), sampleSize: 10 })
 * // { size: 42, sample: [{ id: 'c_…', email: 'ann@example.com', userId: 'ann' }, …] }
 */
export async function previewSegment(
  store: Transactional,
  { match, now, sampleSize }: { match: SegmentCondition; now: Date; sampleSize: number },
): Promise<SegmentPreview> {
  return store.transaction(async (tx) => {
    const segments = await tx.readSegments({})
    const matchOf = (id: string) => segments.find((segment) => segment.id === id)?.match
    const { members } = await tx.matchSegment({ match, matchOf, now, scope: { all: true } })
    const inputs = await Promise.all(
      members.slice(0, sampleSize).map((contactId) => tx.readMembershipInput({ contactId })),
    )
    const sample = inputs.flatMap((input) =>
      input === null ? [] : [{ id: input.contact.id, email: input.contact.email, userId: input.contact.userId }],
    )
    return { size: members.length, sample }
  })
}
