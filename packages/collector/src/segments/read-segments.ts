import { isPossibleId } from '../stores/possible-id.js'
import type { Transactional } from '../transaction/store-transaction.js'
import type { SegmentWithSize, StoredSegment } from './stored-segment.js'
import { withSizes } from './with-sizes.js'

/**
 * Every segment, oldest first, each with its number of members.
 *
 * @example
 * const segments = await readSegments(store)
 */
export async function readSegments(store: Transactional): Promise<SegmentWithSize[]> {
  return store.transaction(async (tx) => withSizes(tx, await tx.readSegments({})))
}

/**
 * One segment with its number of members, or null when no segment has that id (or no
 * store could hold such an id).
 *
 * @example
 * const segment = await readSegment(store, 'seg_1')
 */
export async function readSegment(store: Transactional, id: string): Promise<SegmentWithSize | null> {
  if (!isPossibleId(id)) return null
  const [segment] = await store.transaction(async (tx) => withSizes(tx, await tx.readSegments({ id })))
  return segment ?? null
}

/**
 * One segment's definition without counting its members (a count reads every membership
 * row of the segment), or null as `readSegment`: for the requests that need only the match.
 *
 * @example
 * const segment = await readSegmentDefinition(store, 'seg_1')
 */
export async function readSegmentDefinition(store: Transactional, id: string): Promise<StoredSegment | null> {
  if (!isPossibleId(id)) return null
  const [segment] = await store.transaction((tx) => tx.readSegments({ id }))
  return segment ?? null
}
