import type { Database } from 'better-sqlite3'
import type { AutomationRecordKind } from '../../../automations/records/automation-record.js'
import { prepared } from '../prepared.js'

/**
 * Deletes one automation record; true when there was one.
 *
 * @example
 * deleteRecord(db, { kind: 'timer', id: 'tm_1' })
 */
export function deleteRecord(db: Database, { kind, id }: { kind: AutomationRecordKind; id: string }): boolean {
  return (
    prepared<[string, string]>(db, 'DELETE FROM automation_records WHERE kind = ? AND id = ?').run(kind, id).changes > 0
  )
}
