import type { AutomationRecord } from '../../../automations/records/automation-record.js'
import type { PostgresHandle } from '../postgres-handle.js'

/**
 * Stores an automation record, replacing the one with its kind and id; with `onlyIfNew`,
 * stores nothing when that id or its unique key is taken (also by a collector whose
 * transaction is still open: this one waits for its outcome). True when it was stored.
 *
 * @example
 * await saveRecord(handle, { record: run, onlyIfNew: true }) // false: this change already started a run
 */
export async function saveRecord(
  { sql, pipeline }: PostgresHandle,
  { record, onlyIfNew = false }: { record: AutomationRecord; onlyIfNew?: boolean },
): Promise<boolean> {
  const r = record
  const row = sql`(${r.kind}, ${r.id}, ${r.automationId}, ${r.endpointId}, ${r.contactId}, ${r.status},
    ${r.uniqueKey}, ${r.dueAt}, ${r.createdAt}, ${sql.json(r.body as never)})`
  const insert = sql`INSERT INTO automation_records
    (kind, id, automation_id, endpoint_id, contact_id, status, unique_key, due_at, created_at, body) VALUES ${row}`
  const rows = await pipeline.read(
    onlyIfNew
      ? sql<{ id: string }[]>`${insert} ON CONFLICT DO NOTHING RETURNING id`
      : sql<{ id: string }[]>`${insert} ON CONFLICT (kind, id) DO UPDATE SET
          automation_id = excluded.automation_id, endpoint_id = excluded.endpoint_id,
          contact_id = excluded.contact_id, status = excluded.status, unique_key = excluded.unique_key,
          due_at = excluded.due_at, body = excluded.body
        RETURNING id`,
  )
  return rows.length > 0
}
