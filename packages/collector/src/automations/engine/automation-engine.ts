import type { Change } from '../../events/change.js'
import type { ChangeConsumer } from '../../feed/change-consumer.js'
import type { StoreTransaction } from '../../transaction/store-transaction.js'
import type { AutomationRun } from '../records/automation-run.js'
import { runRecord } from '../records/automation-run.js'
import { recordId } from '../records/record-id.js'
import { automationOfRecord, type StoredAutomation } from '../records/stored-automation.js'
import { advanceRun } from './advance-run.js'
import type { ContactReads } from './contact-reads.js'
import { forgetContact } from './forget-contact.js'
import { PageContacts } from './page-contacts.js'
import { PageRecords } from './page-records.js'
import { PageRuns } from './page-runs.js'
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
 * automation's re-entry rule. The changes between two merges or erasures are worked
 * together: what they need is read with a query each for all of them, and what their
 * runs made is saved at the end (see `handleStretch`).
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
    let stretch: Change[] = []
    for (const change of changes) {
      if (change.contactId === null) continue
      if (change.type !== 'contact.merged' && change.type !== 'contact.erased') {
        stretch.push(change)
        continue
      }
      // A merge or an erasure reads and moves what the changes before it saved: those first.
      await this.handleStretch(tx, stretch, automations)
      stretch = []
      if (change.type === 'contact.merged') await this.moveRuns(tx, change)
      else await forgetContact(tx, change.contactId)
    }
    await this.handleStretch(tx, stretch, automations)
  }

  /**
   * Changes between two merges or erasures, with a query for what the whole stretch needs
   * rather than one per change: its contacts' runs, the trigger keys already taken, its
   * contacts, each endpoint; then every record its runs made, saved together.
   */
  private async handleStretch(
    tx: StoreTransaction,
    changes: readonly Change[],
    automations: StoredAutomation[],
  ): Promise<void> {
    // A waiting run whose automation is gone never resumes: with none defined there is
    // nothing to look up.
    if (changes.length === 0 || automations.length === 0) return
    const enabled = automations.filter((automation) => automation.enabled)
    const startsOf = new Map<Change, RunStart[]>(
      changes.map((change) => [
        change,
        enabled
          .filter((automation) => automation.trigger.some((trigger) => triggerMatches(trigger, change)))
          .map((automation) => ({ change, automation, triggerKey: `${automation.id} ${change.cursor}` })),
      ]),
    )
    const starts = [...startsOf.values()].flat()
    const contactIds = changes.map((change) => change.contactId!)
    const reentryAutomationIds = [
      ...new Set(starts.filter((start) => start.automation.reentry !== 'always').map((start) => start.automation.id)),
    ]
    const [runs, taken] = await Promise.all([
      PageRuns.read(tx, { contactIds, reentryAutomationIds }),
      tx.takenRecordKeys({ kind: 'run', uniqueKeys: starts.map((start) => start.triggerKey) }),
    ])
    const page: StretchContext = {
      tx,
      runs,
      records: new PageRecords(tx),
      reads: new PageContacts({ tx, contactIds, store: this.options.reads }),
    }
    for (const change of changes) {
      await this.endWaits(page, change, automations)
      for (const start of startsOf.get(change)!) {
        if (!taken.has(start.triggerKey)) await this.startRun(page, start)
      }
    }
    const notStored = await page.records.flush()
    if (notStored.some((record) => record.kind === 'run')) {
      // Another collector started these runs since the keys were looked up: undo the stretch, it comes again.
      throw new Error(
        'Automation runs of these changes were started meanwhile by another transaction; handling them again',
      )
    }
  }

  private async moveRuns(tx: StoreTransaction, change: Change): Promise<void> {
    const { from, into } = change.data as { from: string; into: string }
    for (const kind of ['run', 'delivery'] as const) {
      const records = await tx.findRecords({ kind, contactId: from, limit: MAX_RUNS_PER_CONTACT })
      for (const record of records) await tx.saveRecord({ record: { ...record, contactId: into } })
    }
  }

  private async endWaits(page: StretchContext, change: Change, automations: StoredAutomation[]): Promise<void> {
    const event = feedEvent(change)
    if (event === null) return
    for (const run of page.runs.waiting(change.contactId!)) {
      if (run.waiting?.kind !== 'waitFor') continue
      const automation = automations.find((candidate) => candidate.id === run.automationId)
      const step = automation && stepAt(automation.steps, run.position)
      if (!automation || !step || !('waitFor' in step) || !eventMatches(event, step.waitFor)) continue
      // Its timeout fired meanwhile, in another transaction that goes on with the run: not twice.
      if (!(await page.records.delete('timer', run.waiting.timerId))) continue
      const now = this.options.now()
      const log = [
        ...run.log,
        { at: now.toISOString(), step: describePosition(run.position), outcome: `${event.name} came: then` },
      ]
      const from = enterBranch(automation.steps, run.position, 'then')
      const advanced = await advanceRun({
        run: { ...run, log },
        automation,
        from,
        tx: page.tx,
        records: page.records,
        reads: page.reads,
        segments: this.options.segments,
        now,
      })
      page.runs.put(advanced)
    }
  }

  private async startRun(page: StretchContext, { automation, change, triggerKey }: RunStart): Promise<void> {
    const contactId = change.contactId!
    if (automation.reentry !== 'always') {
      const earlier = page.runs.ofAutomation(automation.id, contactId)
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
      triggerKey,
    }
    // Stored only if the change started no run before (the key is checked again when saved).
    page.records.save(runRecord(run), { onlyIfNew: true })
    page.runs.put(run)
    const advanced = await advanceRun({
      run,
      automation,
      from: [0],
      tx: page.tx,
      records: page.records,
      reads: page.reads,
      segments: this.options.segments,
      now,
    })
    page.runs.put(advanced)
  }
}

/** An automation whose trigger a change fires, and the key of the run it starts. */
interface RunStart {
  change: Change
  automation: StoredAutomation
  triggerKey: string
}

/** What the changes of one stretch share: its transaction, and what it read and writes. */
interface StretchContext {
  tx: StoreTransaction
  runs: PageRuns
  records: PageRecords
  reads: ContactReads
}
