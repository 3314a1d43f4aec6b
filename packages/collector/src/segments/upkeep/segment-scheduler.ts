import type { Transactional } from '../../transaction/store-transaction.js'
import { reevaluateContacts } from './reevaluate-contacts.js'
import { SegmentCatalog } from './segment-catalog.js'
import { SEGMENTS_LOCK } from './segments-lock.js'

export interface SegmentSchedulerOptions {
  store: Transactional
  now: () => Date
  /** Checks per transaction. Default 100. */
  batchSize?: number
}

/**
 * Re-checks the (segment, contact) pairs whose membership can change with time alone, at
 * the moment each is due: entries are recorded at the due time, not at the moment the
 * scheduler woke. Only the earliest due check is ever read to know when to wake.
 *
 * @example
 * const scheduler = new SegmentScheduler({ store, now: () => new Date() })
 * await scheduler.runDue() // re-checks everything due by now
 * await scheduler.nextDueAt() // when to wake next, or null
 */
export class SegmentScheduler {
  constructor(private readonly options: SegmentSchedulerOptions) {}

  /** Re-checks every pair due by now, batch after batch; resolves with how many. */
  async runDue(): Promise<number> {
    let done = 0
    for (let batch = await this.step(); batch > 0; batch = await this.step()) done += batch
    return done
  }

  /** When the earliest check is due, or null when none is. */
  async nextDueAt(): Promise<Date | null> {
    const [next] = await this.options.store.transaction((tx) => tx.readSegmentChecks({ limit: 1 }))
    return next === undefined ? null : new Date(next.dueAt)
  }

  private step(): Promise<number> {
    const { store, now: clock, batchSize = 100 } = this.options
    return store.transaction(async (tx) => {
      const now = clock()
      const readDue = () => tx.readSegmentChecks({ dueBy: now.toISOString(), limit: batchSize })
      if ((await readDue()).length === 0) return 0
      // Locked only when something is due, then read again: another collector may have done it.
      await tx.lockConsumerCursor({ name: SEGMENTS_LOCK })
      const due = await readDue()
      if (due.length === 0) return 0
      const catalog = await SegmentCatalog.load(tx)
      const reevaluations = due.map((check) => ({
        contactId: check.contactId,
        segmentIds: [check.segmentId],
        at: new Date(check.dueAt),
      }))
      await reevaluateContacts({ tx, catalog, reevaluations, now })
      return due.length
    })
  }
}
