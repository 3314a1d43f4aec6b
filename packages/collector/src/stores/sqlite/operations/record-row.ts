import type { AutomationRecord } from '../../../automations/records/automation-record.js'

/** The columns of `automation_records` under the names of `AutomationRecord`. */
export const RECORD_COLUMNS = `kind, id, automation_id AS automationId, endpoint_id AS endpointId,
  contact_id AS contactId, status, unique_key AS uniqueKey, due_at AS dueAt, created_at AS createdAt, body`

/** A row read with `RECORD_COLUMNS`, its body still JSON text. */
export type RecordRow = Omit<AutomationRecord, 'body'> & { body: string }

/**
 * The record a row holds.
 *
 * @example
 * rows.map(recordOfRow)
 */
export function recordOfRow(row: RecordRow): AutomationRecord {
  return { ...row, body: JSON.parse(row.body) }
}
