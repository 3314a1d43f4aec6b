import type { SegmentMembership } from '../automations/engine/segment-membership.js'
import type { Transactional } from '../transaction/store-transaction.js'

/**
 * Segment membership as the segments feature keeps it in the store, for the automation
 * engine's `if` steps that name a segment.
 *
 * @example
 * new AutomationRuntime({ store, segments: storedSegmentMembership(store) })
 */
export function storedSegmentMembership(store: Transactional): SegmentMembership {
  return {
    async isMember({ segmentId, contactId }) {
      const memberships = await store.transaction((tx) => tx.readMemberships({ contactIds: [contactId] }))
      return memberships.some((membership) => membership.segmentId === segmentId)
    },
  }
}
