import type { Change } from '../../events/change.js'
import type { ChangeConsumer } from '../../feed/change-consumer.js'
import type { StoreTransaction } from '../../transaction/store-transaction.js'
import type { AutomationRun } from '../records/automation-run.js'
import { runOfRecord, runRecord } from '../records/automation-run.js'
import { recordId } from '../records/record-id.js'
import { automationOfRecord, type StoredAutomation } from '../records/stored-automation.js'
import { advanceRun } from './advance-run.js'
import type { ContactReads } from './contact-reads.js'
import { forgetContact } from './forget-contact.js'
import type { SegmentMembership } from './segment-membership.js'
import { eventMatches, feedEvent, triggerMatches } from './trigger-matches.js'
import { describePosition, enterBranch, stepAt } from './step-position.js'

/** Most automations the engine runs; definitions beyond it are not read. */
const MAX_AUTOMATIONS = 1000
/** Most runs of one contact looked at for a waitFor or a re-entry rule. */
const MAX_RUNS_PER_CONTACT = 1000

export interface AutomationEngineOptions {
  reads: ContactReads
  segments?: SegmentMembership
  now: () => Date
}

/**
 * The automations as a change-feed consumer. For each change, in feed order and in the
 * transaction that saves its cursor: a merge moves the runs of the contact merged away to
 * the survivor; an erasure deletes what runs kept of the contact; an event ends the
 * waitFor of the contact's runs that wait for it; and a change that fires an
 * automation's trigger starts a run, at most one per change (the run is keyed by the
 * automation and the change, so a change read twice starts nothing), following the
 * automation's re-entry rule.
 *
 * @example
 * new FeedFollower({ source: store, consumer: new AutomationEngine({ reads: store, now }) }).start()
 */
export class AutomationEngine implements ChangeConsumer {
  readonly name = 'automations'

  constructor(private readonly options: AutomationEngineOptions) {}

  /**
   * Nothing to do for any change while no automation is defined and nothing of one is kept:
   * no run to move on a merge or to forget on an erasure, no webhook message either. An
   * automation defined later needs only the changes committed after it.
   */
  async isIdle(tx: StoreTransaction): Promise<boolean> {
    for (const kind of ['automation', 'run', 'delivery'] as const) {
      if ((await tx.findRecords({ kind, limit: 1 })).length > 0) return false
    }
    return true
  }

  async handle(changes: readonly Change[], tx: StoreTransaction): Promise<void> {
    // Runs under way go on when their automation is disabled; only new runs stop.
    const records = await tx.findRecords({ kind: 'automation', limit: MAX_AUTOMATIONS })
    const automations = records.map(automationOfRecord)
    const enabled = automations.filter((automation) => automation.enabled)
    for (const change of changes) {
      if (change.contactId === null) continue
      if (change.type === 'contact.merged') {
        await this.moveRuns(tx, change)
        continue
      }
      if (change.type === 'contact.erased') {
        await forgetContact(tx, change.contactId)
        continue
      }
      // A waiting run whose automation is gone never resumes: with none defined there is
      // nothing to look up for this change (a store query per event otherwise).
      if (automations.length > 0) await this.endWaits(tx, change, automations)
      for (const automation of enabled) {
        if (automation.trigger.some((trigger) => triggerMatches(trigger, change))) {
          await this.startRun(tx, automation, change)
        }
      }
    }
  }

  private async moveRuns(tx: StoreTransaction, change: Change): Promise<void> {
    const { from, into } = change.data as { from: string; into: string }
    for (const kind of ['run', 'delivery'] as const) {
      const records = await tx.findRecords({ kind, contactId: from, limit: MAX_RUNS_PER_CONTACT })
      for (const record of records) await tx.saveRecord({ record: { ...record, contactId: into } })
    }
  }

  private async endWaits(tx: StoreTransaction, change: Change, automations: StoredAutomation[]): Promise<void> {
    const event = feedEvent(change)
    if (event === null) return
    const waiting = await tx.findRecords({
      kind: 'run',
      contactId: change.contactId!,
      status: 'waiting',
      limit: MAX_RUNS_PER_CONTACT,
    })
    for (const run of waiting.map(runOfRecord)) {
      if (run.waiting?.kind !== 'waitFor') continue
      const automation = automations.find((candidate) => candidate.id === run.automationId)
      const step = automation && stepAt(automation.steps, run.position)
      if (!automation || !step || !('waitFor' in step) || !eventMatches(event, step.waitFor)) continue
      await tx.deleteRecord({ kind: 'timer', id: run.waiting.timerId })
      const now = this.options.now()
      const log = [
        ...run.log,
        { at: now.toISOString(), step: describePosition(run.position), outcome: `${event.name} came: then` },
      ]
      const from = enterBranch(automation.steps, run.position, 'then')
      await advanceRun({
        run: { ...run, log },
        automation,
        from,
        tx,
        reads: this.options.reads,
        segments: this.options.segments,
        now,
      })
    }
  }

  private async startRun(tx: StoreTransaction, automation: StoredAutomation, change: Change): Promise<void> {
    const contactId = change.contactId!
    if (automation.reentry !== 'always') {
      const earlier = await tx.findRecords({
        kind: 'run',
        automationId: automation.id,
        contactId,
        limit: MAX_RUNS_PER_CONTACT,
      })
      const blocking =
        automation.reentry === 'never'
          ? earlier
          : earlier.filter((r) => r.status === 'active' || r.status === 'waiting')
      if (blocking.length > 0) return
    }
    const now = this.options.now()
    const event = feedEvent(change)
    const run: AutomationRun = {
      id: recordId('run'),
      automationId: automation.id,
      contactId,
      status: 'active',
      exitReason: null,
      startedAt: now.toISOString(),
      log: [],
      position: [0],
      waiting: null,
      trigger: event === null ? null : event,
      triggerKey: `${automation.id} ${change.cursor}`,
    }
    if (!(await tx.saveRecord({ record: runRecord(run), onlyIfNew: true }))) return
    await advanceRun({
      run,
      automation,
      from: [0],
      tx,
      reads: this.options.reads,
      segments: this.options.segments,
      now,
    })
  }
}
