import type { Transactional } from '../../transaction/store-transaction.js'
import { runOfRecord, runRecord } from '../records/automation-run.js'
import { automationOfRecord } from '../records/stored-automation.js'
import { advanceRun } from './advance-run.js'
import type { ContactReads } from './contact-reads.js'
import { PageRecords } from './page-records.js'
import type { SegmentMembership } from './segment-membership.js'
import { enterBranch, nextPosition } from './step-position.js'

/** A timer taken is given back this long after, should its transaction never commit. */
const TIMER_LEASE_MS = 60_000

export interface FireDueTimersOptions {
  store: Transactional
  reads: ContactReads
  segments?: SegmentMembership
  now: () => Date
  /** Timers per transaction. Default 50. */
  batchSize?: number
}

/**
 * Fires the timers due now, each in the transaction that takes it: a delay's run goes on
 * with the next step, a waitFor's run that is still waiting takes its `else` branch. The
 * timer is deleted in the same commit, so it fires once, even with several collectors
 * (they skip each other's locked timers) or after a crash (nothing of it stayed).
 * Resolves with the number of timers taken.
 *
 * @example
 * await fireDueTimers({ store, reads: store, now: () => new Date() })
 */
export function fireDueTimers({ store, reads, segments, now, batchSize = 50 }: FireDueTimersOptions): Promise<number> {
  return store.transaction(async (tx) => {
    const at = now()
    const leaseUntil = new Date(at.getTime() + TIMER_LEASE_MS).toISOString()
    const timers = await tx.leaseDueRecords({ kind: 'timer', now: at.toISOString(), leaseUntil, limit: batchSize })
    const records = new PageRecords(tx)
    for (const timer of timers) {
      await records.delete('timer', timer.id)
      const runId = (timer.body as { runId: string }).runId
      const runRow = await records.find('run', runId)
      if (!runRow) continue
      const run = runOfRecord(runRow)
      // A waitFor already answered by its event, or a run moved on: the timer is stale.
      if (run.status !== 'waiting' || run.waiting?.timerId !== timer.id) continue
      const automationRow = await records.find('automation', timer.automationId!)
      if (!automationRow) {
        const ended = { ...run, status: 'exited' as const, exitReason: 'automation deleted', waiting: null }
        records.save(runRecord(ended))
        continue
      }
      const automation = automationOfRecord(automationRow)
      const timedOut = run.waiting.kind === 'waitFor'
      const from = timedOut
        ? enterBranch(automation.steps, run.position, 'else')
        : nextPosition(automation.steps, run.position)
      await advanceRun({ run, automation, from, tx, records, reads, segments, now: at })
    }
    // Each run was saved once, whatever its steps: a statement for the lot, not one per record.
    await records.flush()
    return timers.length
  })
}
