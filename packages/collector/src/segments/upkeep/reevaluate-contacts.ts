import type { NewChange } from '../../events/change.js'
import type { StoreTransaction } from '../../transaction/store-transaction.js'
import { evaluateCondition } from '../evaluate-condition.js'
import type { StoredMembershipInput } from '../membership-input.js'
import { nextChangeAt } from '../next-change-at.js'
import type { MembershipWrite, SegmentCheckWrite } from '../stored-segment.js'
import type { SegmentCatalog } from './segment-catalog.js'

/** A contact to re-evaluate for some segments. */
export interface Reevaluation {
  contactId: string
  segmentIds: readonly string[]
  /** When the change happened, if before `now` (a due re-check): entries are recorded at that time. */
  at?: Date
}

export interface ReevaluateContacts {
  tx: StoreTransaction
  catalog: SegmentCatalog
  reevaluations: readonly Reevaluation[]
  now: Date
  /** Contacts read per round of statements. Default 500. */
  pageSize?: number
}

/**
 * Re-evaluates contacts for some segments with the reference evaluator, a page of
 * contacts at a time: their inputs and memberships read by a few statements for the whole
 * page, then every entry and exit (membership rows and `segment.entered`/`segment.exited`
 * feed entries) and every next re-check written by one multi-row statement each, so the
 * cost on PostgreSQL is a few round trips per page, not several per contact. A contact
 * that no longer exists (erased, merged away) leaves every listed segment. Resolves with
 * the number of memberships that changed.
 *
 * @example
 * await reevaluateContacts({ tx, catalog, reevaluations: [{ contactId, segmentIds: ['seg_1'] }], now: clock() })
 */
export async function reevaluateContacts({
  tx,
  catalog,
  reevaluations,
  now,
  pageSize = 500,
}: ReevaluateContacts): Promise<number> {
  let changed = 0
  for (let start = 0; start < reevaluations.length; start += pageSize) {
    changed += await reevaluatePage(tx, catalog, reevaluations.slice(start, start + pageSize), now)
  }
  return changed
}

async function reevaluatePage(
  tx: StoreTransaction,
  catalog: SegmentCatalog,
  page: readonly Reevaluation[],
  now: Date,
): Promise<number> {
  const contactIds = [...new Set(page.map((item) => item.contactId))]
  // Only the events the listed segments read: a contact's whole history can be long. Other
  // names read for a contact of the page change nothing: conditions look at their own names.
  const names = new Set(
    page.flatMap((item) => item.segmentIds.flatMap((id) => [...(catalog.get(id)?.names.events ?? [])])),
  )
  const inputs = new Map<string, StoredMembershipInput>(
    (await tx.readMembershipInputs({ contactIds, names: [...names] })).map((input) => [input.contact.id, input]),
  )
  const memberOf = new Map<string, Set<string>>(contactIds.map((id) => [id, new Set()]))
  for (const membership of await tx.readMemberships({ contactIds })) {
    memberOf.get(membership.contactId)?.add(membership.segmentId)
  }
  const memberships: MembershipWrite[] = []
  const checks: SegmentCheckWrite[] = []
  const changes: NewChange[] = []
  for (const { contactId, segmentIds, at = now } of page) {
    const input = inputs.get(contactId)
    const current = memberOf.get(contactId)!
    const when = at.toISOString()
    for (const segmentId of segmentIds) {
      const entry = catalog.get(segmentId)
      const wasMember = current.has(segmentId)
      let member = false
      let dueAt: Date | null = null
      if (entry !== undefined && input !== undefined) {
        const membershipInput = { ...input, now, isMemberOf: (id: string) => current.has(id) }
        member = evaluateCondition(entry.segment.match, membershipInput)
        // Also without a time window: an event stamped ahead of the clock counts once its time comes.
        dueAt = nextChangeAt(entry.segment.match, membershipInput)
      }
      checks.push({ segmentId, contactId, dueAt: dueAt?.toISOString() ?? null })
      if (member === wasMember) continue
      memberships.push({ segmentId, contactId, member, at: when })
      changes.push({ type: member ? 'segment.entered' : 'segment.exited', at: when, contactId, data: { segmentId } })
      if (member) current.add(segmentId)
      else current.delete(segmentId)
    }
  }
  await tx.scheduleSegmentChecks({ checks })
  if (memberships.length > 0) await tx.setMemberships({ memberships })
  if (changes.length > 0) await tx.appendChanges({ changes })
  return memberships.length
}
