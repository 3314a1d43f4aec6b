import type { AutomationRecord } from '../../../automations/records/automation-record.js'

/**
 * The columns of `automation_records` under the names of `AutomationRecord`, each
 * qualified by `table` when given.
 *
 * @example
 * sql`SELECT ${sql.unsafe(recordColumns())} FROM automation_records`
 */
export function recordColumns(table?: string): string {
  const t = table === undefined ? '' : `${table}.`
  return `${t}kind, ${t}id, ${t}automation_id AS "automationId", ${t}endpoint_id AS "endpointId",
    ${t}contact_id AS "contactId", ${t}status, ${t}unique_key AS "uniqueKey", ${t}due_at AS "dueAt",
    ${t}created_at AS "createdAt", ${t}body`
}

/** A row read with `recordColumns` (the driver parses the json body). */
export type RecordRow = AutomationRecord
