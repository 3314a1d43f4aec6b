import type { Database } from 'better-sqlite3'
import type { AutomationRecordKind } from '../../../automations/records/automation-record.js'
import { prepared } from '../prepared.js'

/**
 * Which of these unique keys records of a kind hold already.
 *
 * @example
 * takenRecordKeys(db, { kind: 'run', uniqueKeys: ['au_1 42', 'au_2 42'] }) // Set { 'au_1 42' }
 */
export function takenRecordKeys(
  db: Database,
  { kind, uniqueKeys }: { kind: AutomationRecordKind; uniqueKeys: readonly string[] },
): Set<string> {
  const sql = `SELECT unique_key FROM automation_records
    WHERE kind = ? AND unique_key IN (SELECT value FROM json_each(?))`
  return new Set(prepared<[string, string], string>(db, sql).pluck().all(kind, JSON.stringify(uniqueKeys)))
}
