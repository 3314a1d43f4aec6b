import type { StoreTransaction } from '../../transaction/store-transaction.js'
import { type AutomationRun, runOfRecord } from '../records/automation-run.js'

/** Most runs of one contact looked at for a waitFor or a re-entry rule. */
const MAX_RUNS_PER_CONTACT = 1000

/**
 * The runs of a page's contacts that the engine decides by: every waiting one (a waitFor
 * its event may end), and every one of the automations with a re-entry rule. Read in one
 * query for the whole page, then kept as the page starts and moves runs, so each change
 * sees the runs the changes before it left.
 *
 * @example
 * const runs = await PageRuns.read(tx, { contactIds, reentryAutomationIds: ['au_1'] })
 * runs.waiting('c_1')
 */
export class PageRuns {
  private readonly byContact = new Map<string, Map<string, AutomationRun>>()
  private readonly contactOf = new Map<string, string>()

  static async read(
    tx: StoreTransaction,
    { contactIds, reentryAutomationIds }: { contactIds: readonly string[]; reentryAutomationIds: readonly string[] },
  ): Promise<PageRuns> {
    const runs = new PageRuns()
    if (contactIds.length === 0) return runs
    const [waiting, earlier] = await Promise.all([
      tx.findContactRecords({ kind: 'run', contactIds, status: 'waiting', limit: MAX_RUNS_PER_CONTACT }),
      reentryAutomationIds.length === 0
        ? []
        : tx.findContactRecords({
            kind: 'run',
            contactIds,
            automationIds: reentryAutomationIds,
            limit: MAX_RUNS_PER_CONTACT,
          }),
    ])
    for (const record of [...waiting, ...earlier]) runs.put(runOfRecord(record))
    return runs
  }

  /** Records where a run stands now (a new run, or one moved on or to another contact). */
  put(run: AutomationRun): void {
    const before = this.contactOf.get(run.id)
    if (before !== undefined) this.byContact.get(before)?.delete(run.id)
    this.contactOf.set(run.id, run.contactId)
    let runs = this.byContact.get(run.contactId)
    if (runs === undefined) this.byContact.set(run.contactId, (runs = new Map()))
    runs.set(run.id, run)
  }

  /** The contact's waiting runs. */
  waiting(contactId: string): AutomationRun[] {
    return this.of(contactId).filter((run) => run.status === 'waiting')
  }

  /** The contact's runs of an automation with a re-entry rule. */
  ofAutomation(automationId: string, contactId: string): AutomationRun[] {
    return this.of(contactId).filter((run) => run.automationId === automationId)
  }

  private of(contactId: string): AutomationRun[] {
    return [...(this.byContact.get(contactId)?.values() ?? [])]
  }
}
