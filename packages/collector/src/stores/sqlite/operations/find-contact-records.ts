import type { Database } from 'better-sqlite3'
import type { AutomationRecord, ContactRecordsQuery } from '../../../automations/records/automation-record.js'
import { prepared } from '../prepared.js'
import { RECORD_COLUMNS, recordOfRow, type RecordRow } from './record-row.js'

/**
 * The records of a kind held by any of these contacts, at most `limit` per contact, newest
 * first. In-process, a statement per contact costs no round trip, and each one searches
 * the contact index.
 *
 * @example
 * findContactRecords(db, { kind: 'run', contactIds: ['c_1', 'c_2'], status: 'waiting', limit: 1000 })
 */
export function findContactRecords(
  db: Database,
  { kind, contactIds, status, automationIds, limit }: ContactRecordsQuery,
): AutomationRecord[] {
  const sql = `SELECT ${RECORD_COLUMNS} FROM automation_records WHERE kind = @kind AND contact_id = @contactId
    ${status === undefined ? '' : 'AND status = @status'}
    ${automationIds === undefined ? '' : 'AND automation_id IN (SELECT value FROM json_each(@automationIds))'}
    ORDER BY created_at DESC, id DESC LIMIT @limit`
  const params: Record<string, string | number> = { kind, limit }
  if (status !== undefined) params.status = status
  if (automationIds !== undefined) params.automationIds = JSON.stringify(automationIds)
  const statement = prepared<[Record<string, string | number>], RecordRow>(db, sql)
  const rows = [...new Set(contactIds)].flatMap((contactId) => statement.all({ ...params, contactId }))
  return rows.sort(newestFirst).map(recordOfRow)
}

function newestFirst(a: RecordRow, b: RecordRow): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0
}
