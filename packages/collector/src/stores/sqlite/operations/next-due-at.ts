import type { Database } from 'better-sqlite3'
import type { AutomationRecordKind } from '../../../automations/records/automation-record.js'
import { prepared } from '../prepared.js'

/**
 * When the earliest record of a kind is due (ISO-8601), or null when none is: one step
 * down the due-time index.
 *
 * @example
 * nextDueAt(db, { kind: 'delivery' }) // '2026-12-04T05:00:00.000Z'
 */
export function nextDueAt(db: Database, { kind }: { kind: AutomationRecordKind }): string | null {
  const sql = 'SELECT due_at FROM automation_records WHERE kind = ? AND due_at IS NOT NULL ORDER BY due_at LIMIT 1'
  return prepared<[string], string>(db, sql).pluck().get(kind) ?? null
}
