import type { NewChange } from '../../events/change.js'
import type { Transactional, StoreTransaction } from '../../transaction/store-transaction.js'
import type { SegmentCondition } from '@sillage/protocol'
import { SegmentCatalog } from './segment-catalog.js'
import { SEGMENTS_LOCK } from './segments-lock.js'

export interface SegmentComputerOptions {
  store: Transactional
  now: () => Date
  /** Contacts per transaction. Default 500. */
  pageSize?: number
}

/**
 * Computes a new or edited segment over all stored history, a page of contacts per
 * transaction, with the SQL compiler (the matching runs in the database), while ingestion
 * goes on. Its resume point and progress are saved with each page, so a restart goes on
 * where the last commit left it; an edit starts it over. Entries and exits it finds are
 * recorded and appended to the feed like any other.
 *
 * @example
 * const computer = new SegmentComputer({ store, now: () => new Date() })
 * await computer.runPending() // every segment still computing, to the end
 */
export class SegmentComputer {
  constructor(private readonly options: SegmentComputerOptions) {}

  /** Computes every segment whose status is `computing`; resolves with the pages done. */
  async runPending(): Promise<number> {
    let pages = 0
    for (let step = await this.step(); step; step = await this.step()) pages++
    return pages
  }

  /** One page of the oldest segment still computing; false when none is. */
  step(): Promise<boolean> {
    return this.options.store.transaction(async (tx) => {
      const computing = async () => (await tx.readSegments({})).find((segment) => segment.status === 'computing')
      if ((await computing()) === undefined) return false
      // The feed consumer's lock, taken only when there is work (on PostgreSQL a row lock gives
      // the transaction an id): one segment writer at a time across collectors, so two never
      // compute the same page (each would record the same entries) nor race a feed batch.
      await tx.lockConsumerCursor({ name: SEGMENTS_LOCK })
      const pending = await computing()
      if (pending === undefined) return false
      await this.page(tx, pending.id)
      return true
    })
  }

  private async page(tx: StoreTransaction, segmentId: string): Promise<void> {
    const { now: clock, pageSize = 500 } = this.options
    const [segment] = await tx.readSegments({ id: segmentId })
    if (segment === undefined || segment.status !== 'computing') return
    const catalog = await SegmentCatalog.load(tx)
    const entry = catalog.get(segmentId)!
    const now = clock()
    const at = now.toISOString()
    const { match } = segment
    const result = await tx.matchSegment({
      match,
      matchOf: catalog.matchOf,
      now,
      scope: { after: segment.computeAfter, limit: pageSize },
    })
    const members = new Set(result.members)
    const current = new Set(
      (await tx.readMemberships({ contactIds: result.scanned }))
        .filter((membership) => membership.segmentId === segmentId)
        .map((membership) => membership.contactId),
    )
    if (entry.names.timeDependent) await this.schedule(tx, { segmentId, contactIds: result.scanned, now, match })
    const changed = result.scanned
      .filter((contactId) => members.has(contactId) !== current.has(contactId))
      .map((contactId) => ({ segmentId, contactId, member: members.has(contactId), at }))
    const changes: NewChange[] = changed.map(({ contactId, member }) => ({
      type: member ? 'segment.entered' : 'segment.exited',
      at,
      contactId,
      data: { segmentId },
    }))
    // One write of each kind for the page: a statement per entry would cost a round trip each on PostgreSQL.
    if (changed.length > 0) await tx.setMemberships({ memberships: changed })
    if (changes.length > 0) await tx.appendChanges({ changes })
    const done = result.scanned.length === 0 || result.remaining === 0
    await tx.saveSegment({
      segment: {
        ...segment,
        status: done ? 'ready' : 'computing',
        progress: done ? 1 : progressAfter(segment.progress, result),
        computeAfter: done ? null : result.scanned.at(-1)!,
        computedAt: done ? at : segment.computedAt,
      },
    })
  }

  /**
   * Time-dependent segments: when each contact of the page can next change with time
   * alone, computed in the database (the same answer as the reference `nextChangeAt`,
   * without reading every event of the condition's names of the page into the process).
   */
  private async schedule(
    tx: StoreTransaction,
    args: { segmentId: string; contactIds: string[]; now: Date; match: SegmentCondition },
  ): Promise<void> {
    const { segmentId, contactIds, now, match } = args
    const dueAt = new Map(
      (await tx.nextSegmentChanges({ match, contactIds, now })).map((next) => [next.contactId, next.dueAt]),
    )
    const checks = contactIds.map((contactId) => ({ segmentId, contactId, dueAt: dueAt.get(contactId) ?? null }))
    await tx.scheduleSegmentChecks({ checks })
  }
}

/**
 * The share of contacts done once this page is. The share done before is of a total that
 * may have grown since, so this page's share is of what was left; never 1 before the end.
 */
function progressAfter(previous: number, page: { scanned: string[]; remaining: number }): number {
  const left = page.scanned.length + page.remaining
  return Math.min(0.99, previous + (1 - previous) * (page.scanned.length / Math.max(left, 1)))
}
