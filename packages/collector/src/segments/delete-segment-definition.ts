import { ApiError } from '../errors/api-error.js'
import type { Transactional } from '../transaction/store-transaction.js'
import { segmentReferences } from './segment-references.js'

/**
 * Deletes a segment with its memberships. Refuses (409) while another segment refers to
 * it, naming those segments. Resolves false when no segment has that id.
 *
 * @example
 * if (!(await deleteSegmentDefinition(store, 'seg_1'))) throw notFound('seg_1')
 */
export async function deleteSegmentDefinition(store: Transactional, id: string): Promise<boolean> {
  return store.transaction(async (tx) => {
    const users = (await tx.readSegments({})).filter(
      (segment) => segment.id !== id && segmentReferences(segment.match).includes(id),
    )
    if (users.length > 0) {
      const names = users.map((segment) => `"${segment.name}" (${segment.id})`).join(', ')
      throw new ApiError(409, 'segment_in_use', `Segment ${id} is used by ${names}: remove those references first.`)
    }
    return tx.deleteSegment({ id })
  })
}
