import type { StoreTransaction } from '../../transaction/store-transaction.js'
import { evaluateCondition } from '../evaluate-condition.js'
import { nextChangeAt } from '../next-change-at.js'
import type { SegmentCatalog } from './segment-catalog.js'

export interface ReevaluateContact {
  tx: StoreTransaction
  catalog: SegmentCatalog
  contactId: string
  /** The segments to re-evaluate for this contact. */
  segmentIds: Iterable<string>
  now: Date
  /** When the change happened, if before `now` (a due re-check): entries are recorded at that time. */
  at?: Date
}

/**
 * Re-evaluates one contact for some segments with the reference evaluator, records each
 * entry and exit (membership row and `segment.entered`/`segment.exited` feed entry, in
 * `tx`), and stores when time alone can next change each result. A contact that no longer
 * exists (erased, merged away) leaves every listed segment. Resolves with the number of
 * memberships that changed.
 *
 * @example
 * await reevaluateContact({ tx, catalog, contactId, segmentIds: ['seg_1'], now: clock() })
 */
export async function reevaluateContact({
  tx,
  catalog,
  contactId,
  segmentIds,
  now,
  at = now,
}: ReevaluateContact): Promise<number> {
  const ids = new Set(segmentIds)
  // Only the events the listed segments read: a contact's whole history can be long.
  const names = new Set([...ids].flatMap((id) => [...(catalog.get(id)?.names.events ?? [])]))
  const input = await tx.readMembershipInput({ contactId, names: [...names] })
  const memberships = await tx.readMemberships({ contactIds: [contactId] })
  const memberOf = new Set(memberships.map((membership) => membership.segmentId))
  const when = at.toISOString()
  let changed = 0
  for (const segmentId of ids) {
    const entry = catalog.get(segmentId)
    const wasMember = memberOf.has(segmentId)
    let member = false
    let dueAt: Date | null = null
    if (entry !== undefined && input !== null) {
      const membershipInput = { ...input, now, isMemberOf: (id: string) => memberOf.has(id) }
      member = evaluateCondition(entry.segment.match, membershipInput)
      // Also without a time window: an event stamped ahead of the clock counts once its time comes.
      dueAt = nextChangeAt(entry.segment.match, membershipInput)
    }
    await tx.scheduleSegmentCheck({ segmentId, contactId, dueAt: dueAt?.toISOString() ?? null })
    if (member === wasMember) continue
    await tx.setMembership({ segmentId, contactId, member, at: when })
    const type = member ? 'segment.entered' : 'segment.exited'
    await tx.appendChanges({ changes: [{ type, at: when, contactId, data: { segmentId } }] })
    if (member) memberOf.add(segmentId)
    else memberOf.delete(segmentId)
    changed++
  }
  return changed
}
