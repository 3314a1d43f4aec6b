import type { Transactional } from '../../transaction/store-transaction.js'
import { runOfRecord, runRecord } from '../records/automation-run.js'
import { automationOfRecord } from '../records/stored-automation.js'
import { advanceRun } from './advance-run.js'
import type { ContactReads } from './contact-reads.js'
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
    for (const timer of timers) {
      await tx.deleteRecord({ kind: 'timer', id: timer.id })
      const runId = (timer.body as { runId: string }).runId
      const [runRow] = await tx.findRecords({ kind: 'run', id: runId, limit: 1 })
      const [automationRow] = await tx.findRecords({ kind: 'automation', id: timer.automationId!, limit: 1 })
      if (!runRow) continue
      const run = runOfRecord(runRow)
      // A waitFor already answered by its event, or a run moved on: the timer is stale.
      if (run.status !== 'waiting' || run.waiting?.timerId !== timer.id) continue
      if (!automationRow) {
        const ended = { ...run, status: 'exited' as const, exitReason: 'automation deleted', waiting: null }
        await tx.saveRecord({ record: runRecord(ended) })
        continue
      }
      const automation = automationOfRecord(automationRow)
      const timedOut = run.waiting.kind === 'waitFor'
      const from = timedOut
        ? enterBranch(automation.steps, run.position, 'else')
        : nextPosition(automation.steps, run.position)
      await advanceRun({ run, automation, from, tx, reads, segments, now: at })
    }
    return timers.length
  })
}
