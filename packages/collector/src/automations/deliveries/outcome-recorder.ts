import type { AutomationRecord } from '../records/automation-record.js'
import type { Transactional } from '../../transaction/store-transaction.js'

interface Waiting {
  records: readonly AutomationRecord[]
  resolve: () => void
  reject: (error: unknown) => void
}

/**
 * Saves the outcomes of a round's attempts as they come, together: while one transaction
 * saves those that came first, the ones arriving meanwhile wait for the next, one
 * statement for all of them. A transaction per attempt cost PostgreSQL a savepoint and
 * its round trips each, and the worker sent barely faster than the engine queued. Each
 * `save` resolves once its records are committed.
 *
 * @example
 * const recorder = new OutcomeRecorder(store)
 * await recorder.save([deliveryRecord(attempted)])
 */
export class OutcomeRecorder {
  private waiting: Waiting[] = []
  private saving = false

  constructor(private readonly store: Transactional) {}

  save(records: readonly AutomationRecord[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ records, resolve, reject })
      void this.saveWaiting()
    })
  }

  private async saveWaiting(): Promise<void> {
    if (this.saving) return
    this.saving = true
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0)
      // One row per kind and id in a statement: an endpoint two 410s disabled is saved once.
      const records = new Map<string, AutomationRecord>()
      for (const { records: given } of batch)
        for (const record of given) records.set(`${record.kind} ${record.id}`, record)
      try {
        await this.store.transaction((tx) => tx.saveRecords({ records: [...records.values()] }))
        for (const { resolve } of batch) resolve()
      } catch (error) {
        for (const { reject } of batch) reject(error)
      }
    }
    this.saving = false
  }
}
