import type { StoreTransaction } from '../../transaction/store-transaction.js'
import { runOfRecord } from '../records/automation-run.js'

/** Most runs and messages of one contact handled per change. */
const MAX_PER_CONTACT = 10_000

/**
 * Deletes what automations kept of an erased contact: its runs (their trigger's
 * properties, their log), their timers, and its webhook messages, sent or not, whose
 * bodies may carry its email or its events.
 *
 * @example
 * if (change.type === 'contact.erased') await forgetContact(tx, change.contactId)
 */
export async function forgetContact(tx: StoreTransaction, contactId: string): Promise<void> {
  const runs = await tx.findRecords({ kind: 'run', contactId, limit: MAX_PER_CONTACT })
  for (const record of runs) {
    const run = runOfRecord(record)
    if (run.waiting !== null) await tx.deleteRecord({ kind: 'timer', id: run.waiting.timerId })
    await tx.deleteRecord({ kind: 'run', id: run.id })
  }
  const deliveries = await tx.findRecords({ kind: 'delivery', contactId, limit: MAX_PER_CONTACT })
  for (const record of deliveries) await tx.deleteRecord({ kind: 'delivery', id: record.id })
}
