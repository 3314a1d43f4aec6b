import { randomUUID } from 'node:crypto'
import type { SegmentDefinition } from '@sillage/protocol'
import { ApiError } from '../errors/api-error.js'
import type { Transactional } from '../transaction/store-transaction.js'
import { findSegmentCycle, segmentReferences } from './segment-references.js'
import type { SegmentWithSize } from './stored-segment.js'
import { withSizes } from './with-sizes.js'

/**
 * Creates a segment (no `id`) or replaces the definition of an existing one, then leaves
 * it `computing` from the first contact: the background computation brings its members
 * up to date. Refuses a reference to an unknown segment or one that closes a loop (400).
 * Resolves with the saved segment, or null when `id` names none.
 *
 * @example
 * await saveSegmentDefinition(store, { definition: { name: 'Buyers', match }, at: now.toISOString() })
 */
export async function saveSegmentDefinition(
  store: Transactional,
  { id, definition, at }: { id?: string; definition: SegmentDefinition; at: string },
): Promise<SegmentWithSize | null> {
  return store.transaction(async (tx) => {
    const existing = id === undefined ? undefined : (await tx.readSegments({ id }))[0]
    if (id !== undefined && existing === undefined) return null
    const segmentId = id ?? `seg_${randomUUID()}`
    const segments = await tx.readSegments({})
    const known = new Set(segments.map((segment) => segment.id))
    const references = segmentReferences(definition.match)
    const unknown = references.filter((reference) => !known.has(reference))
    if (unknown.length > 0) {
      const issues = unknown.map((reference) => `match: refers to segment "${reference}", which does not exist`)
      throw new ApiError(400, 'invalid_segment', `Invalid segment: ${issues.join('; ')}`, { issues })
    }
    const matchOf = (other: string) =>
      other === segmentId ? definition.match : segments.find((segment) => segment.id === other)?.match
    const cycle = findSegmentCycle(segmentId, matchOf)
    if (cycle !== null) {
      const chain = cycle
        .map((link) => (link === segmentId ? (id === undefined ? 'this segment' : link) : link))
        .join(' → ')
      const issue = `match: segments refer to each other in a loop (${chain}); remove one of the references`
      throw new ApiError(400, 'segment_cycle', `Invalid segment: ${issue}`, { issues: [issue] })
    }
    const segment = {
      id: segmentId,
      name: definition.name,
      description: definition.description ?? '',
      match: definition.match,
      status: 'computing' as const,
      progress: 0,
      computeAfter: null,
      computedAt: existing?.computedAt ?? null,
      createdAt: existing?.createdAt ?? at,
      updatedAt: at,
    }
    await tx.saveSegment({ segment })
    const [saved] = await withSizes(tx, [segment])
    return saved!
  })
}
