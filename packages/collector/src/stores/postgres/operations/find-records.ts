import type { AutomationRecord, AutomationRecordQuery } from '../../../automations/records/automation-record.js'
import type { PostgresHandle } from '../postgres-handle.js'
import { recordColumns, type RecordRow } from './record-row.js'

/**
 * The automation records of a kind that match every column given, newest first.
 *
 * @example
 * await findRecords(handle, { kind: 'run', automationId: 'au_1', contactId: 'c_1', limit: 100 })
 */
export async function findRecords(
  { sql, pipeline }: PostgresHandle,
  query: AutomationRecordQuery,
): Promise<AutomationRecord[]> {
  const matches = (column: string, value: string | undefined) =>
    value === undefined ? sql`` : sql`AND ${sql(column)} = ${value}`
  return pipeline.read(sql<RecordRow[]>`
    SELECT ${sql.unsafe(recordColumns())} FROM automation_records WHERE kind = ${query.kind}
    ${matches('id', query.id)} ${matches('automation_id', query.automationId)}
    ${matches('endpoint_id', query.endpointId)} ${matches('contact_id', query.contactId)}
    ${matches('status', query.status)}
    ${query.after === undefined ? sql`` : sql`AND (created_at, id) < (${query.after.createdAt}, ${query.after.id})`}
    ORDER BY created_at DESC, id DESC LIMIT ${query.limit}`)
}
