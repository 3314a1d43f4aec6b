import type { Database } from 'better-sqlite3'
import type { AutomationRecord } from '../../../automations/records/automation-record.js'
import { saveRecord } from './save-record.js'

/**
 * `saveRecord` for many records; each kind and id given at most once. Resolves with the
 * ids stored: with `onlyIfNew`, those whose id and unique key were free. (In-process, a
 * statement per record costs no round trip.)
 *
 * @example
 * saveRecords(db, { records: runs, onlyIfNew: true }) // ['run_1', 'run_2']
 */
export function saveRecords(
  db: Database,
  { records, onlyIfNew = false }: { records: readonly AutomationRecord[]; onlyIfNew?: boolean },
): string[] {
  return records.filter((record) => saveRecord(db, { record, onlyIfNew })).map((record) => record.id)
}
