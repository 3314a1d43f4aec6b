import type { Transactional } from '../transaction/store-transaction.js'
import type { SegmentWithSize } from './stored-segment.js'
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
  if (id.length > 255 || id.includes('\u0000')) return null
  const [segment] = await store.transaction(async (tx) => withSizes(tx, await tx.readSegments({ id })))
  return segment ?? null
}
