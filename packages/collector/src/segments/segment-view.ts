import type { SegmentCondition } from '@sillage/protocol'
import type { SegmentWithSize } from './stored-segment.js'

/** A segment as the API shows it. */
export interface SegmentView {
  id: string
  name: string
  description: string
  match: SegmentCondition
  size: number
  status: 'computing' | 'ready'
  progress: number
  computedAt: string | null
  createdAt: string
  updatedAt: string
}

/**
 * The API's view of a stored segment (without the computation's resume point).
 *
 * @example
 * c.json(segmentView(segment))
 */
export function segmentView(segment: SegmentWithSize): SegmentView {
  const { id, name, description, match, size, status, progress, computedAt, createdAt, updatedAt } = segment
  return { id, name, description, match, size, status, progress, computedAt, createdAt, updatedAt }
}
