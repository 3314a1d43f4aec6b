import type { Database } from 'better-sqlite3'
import type { AutomationRecord } from '../../../automations/records/automation-record.js'
import { prepared } from '../prepared.js'

const columns = 'kind, id, automation_id, endpoint_id, contact_id, status, unique_key, due_at, created_at, body'
const values = '@kind, @id, @automationId, @endpointId, @contactId, @status, @uniqueKey, @dueAt, @createdAt, @body'

/**
 * Stores an automation record, replacing the one with its kind and id; with `onlyIfNew`,
 * stores nothing when that id or its unique key is taken. True when it was stored.
 *
 * @example
 * saveRecord(db, { record: run, onlyIfNew: true }) // false: this change already started a run
 */
export function saveRecord(
  db: Database,
  { record, onlyIfNew = false }: { record: AutomationRecord; onlyIfNew?: boolean },
): boolean {
  const row = { ...record, body: JSON.stringify(record.body) }
  const sql = onlyIfNew
    ? `INSERT INTO automation_records (${columns}) VALUES (${values}) ON CONFLICT DO NOTHING`
    : `INSERT INTO automation_records (${columns}) VALUES (${values}) ON CONFLICT (kind, id) DO UPDATE SET
         automation_id = excluded.automation_id, endpoint_id = excluded.endpoint_id, contact_id = excluded.contact_id,
         status = excluded.status, unique_key = excluded.unique_key, due_at = excluded.due_at, body = excluded.body`
  return prepared<[typeof row]>(db, sql).run(row).changes > 0
}
