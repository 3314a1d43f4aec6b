import type { AutomationRecord } from '../../../automations/records/automation-record.js'
import type { PostgresHandle } from '../postgres-handle.js'
import { saveRecords } from './save-records.js'

/**
 * Stores an automation record, replacing the one with its kind and id; with `onlyIfNew`,
 * stores nothing when that id or its unique key is taken (also by a collector whose
 * transaction is still open: this one waits for its outcome). True when it was stored.
 *
 * @example
 * await saveRecord(handle, { record: run, onlyIfNew: true }) // false: this change already started a run
 */
export async function saveRecord(
  handle: PostgresHandle,
  { record, onlyIfNew = false }: { record: AutomationRecord; onlyIfNew?: boolean },
): Promise<boolean> {
  return (await saveRecords(handle, { records: [record], onlyIfNew })).length > 0
}
