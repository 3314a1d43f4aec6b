import type { AutomationRecord } from '../../../automations/records/automation-record.js'
import type { PostgresHandle } from '../postgres-handle.js'
import { textColumn } from '../text-array.js'

/**
 * `saveRecord` for many records in one statement, whatever their number: the engine saves
 * a page's runs, timers and messages without a round trip each. Each kind and id is given
 * at most once (PostgreSQL refuses to update one row twice in a statement). Resolves with
 * the ids stored: with `onlyIfNew`, those whose id and unique key were free.
 *
 * @example
 * await saveRecords(handle, { records: runs, onlyIfNew: true }) // ['run_1', 'run_2']
 */
export async function saveRecords(
  { sql, pipeline }: PostgresHandle,
  { records, onlyIfNew = false }: { records: readonly AutomationRecord[]; onlyIfNew?: boolean },
): Promise<string[]> {
  if (records.length === 0) return []
  const column = (pick: (record: AutomationRecord) => string | null) => textColumn(sql, records, pick)
  const insert = sql`INSERT INTO automation_records
    (kind, id, automation_id, endpoint_id, contact_id, status, unique_key, due_at, created_at, body)
    SELECT * FROM unnest(${column((r) => r.kind)}::text[], ${column((r) => r.id)}::text[],
      ${column((r) => r.automationId)}::text[], ${column((r) => r.endpointId)}::text[],
      ${column((r) => r.contactId)}::text[], ${column((r) => r.status)}::text[], ${column((r) => r.uniqueKey)}::text[],
      ${column((r) => r.dueAt)}::text[], ${column((r) => r.createdAt)}::text[],
      ${column((r) => JSON.stringify(r.body))}::json[])`
  const rows = await pipeline.read(
    onlyIfNew
      ? sql<{ id: string }[]>`${insert} ON CONFLICT DO NOTHING RETURNING id`
      : sql<{ id: string }[]>`${insert} ON CONFLICT (kind, id) DO UPDATE SET
          automation_id = excluded.automation_id, endpoint_id = excluded.endpoint_id,
          contact_id = excluded.contact_id, status = excluded.status, unique_key = excluded.unique_key,
          due_at = excluded.due_at, body = excluded.body
        RETURNING id`,
  )
  return rows.map((row) => row.id)
}
