import type { Database } from 'better-sqlite3'
import type { AutomationLease, AutomationRecord } from '../../../automations/records/automation-record.js'
import { prepared } from '../prepared.js'
import { RECORD_COLUMNS, recordOfRow, type RecordRow } from './record-row.js'

/**
 * Takes the records of a kind due at `now`, earliest first, and moves their `dueAt` to the
 * lease's end: unless the taker saves or deletes them before then, they come due again.
 * The writer's transaction already excludes every other writer, so nothing more is locked.
 *
 * @example
 * leaseDueRecords(db, { kind: 'timer', now, leaseUntil, limit: 50 })
 */
export function leaseDueRecords(db: Database, { kind, now, leaseUntil, limit }: AutomationLease): AutomationRecord[] {
  const rows = prepared<[string, string, number], RecordRow>(
    db,
    `SELECT ${RECORD_COLUMNS} FROM automation_records WHERE kind = ? AND due_at IS NOT NULL AND due_at <= ?
     ORDER BY due_at LIMIT ?`,
  ).all(kind, now, limit)
  const lease = prepared<[string, string, string]>(
    db,
    'UPDATE automation_records SET due_at = ? WHERE kind = ? AND id = ?',
  )
  for (const row of rows) lease.run(leaseUntil, kind, row.id)
  return rows.map(recordOfRow)
}
