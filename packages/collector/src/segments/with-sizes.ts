import type { StoreTransaction } from '../transaction/store-transaction.js'
import type { SegmentWithSize, StoredSegment } from './stored-segment.js'

/**
 * The segments with their number of members, counted in one statement.
 *
 * @example
 * const [segment] = await withSizes(tx, await tx.readSegments({ id }))
 */
export async function withSizes(tx: StoreTransaction, segments: readonly StoredSegment[]): Promise<SegmentWithSize[]> {
  if (segments.length === 0) return []
  const sizes = await tx.countSegmentMembers({ segmentIds: segments.map((segment) => segment.id) })
  return segments.map((segment) => ({ ...segment, size: sizes[segment.id] ?? 0 }))
}
