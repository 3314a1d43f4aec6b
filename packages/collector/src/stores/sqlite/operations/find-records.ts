import type { Database } from 'better-sqlite3'
import type { AutomationRecord, AutomationRecordQuery } from '../../../automations/records/automation-record.js'
import { prepared } from '../prepared.js'
import { RECORD_COLUMNS, recordOfRow, type RecordRow } from './record-row.js'

const COLUMNS = [
  ['id', 'id'],
  ['automationId', 'automation_id'],
  ['endpointId', 'endpoint_id'],
  ['contactId', 'contact_id'],
  ['status', 'status'],
] as const

/**
 * The automation records of a kind that match every column given, newest first.
 * The statement names only the columns given, so SQLite picks the index that fits them
 * (a catch-all `@x IS NULL OR x = @x` statement is planned once, for every query, as a scan).
 *
 * @example
 * findRecords(db, { kind: 'run', automationId: 'au_1', contactId: 'c_1', limit: 100 })
 */
export function findRecords(db: Database, query: AutomationRecordQuery): AutomationRecord[] {
  const given = COLUMNS.filter(([field]) => query[field] !== undefined)
  const params: Record<string, string | number> = { kind: query.kind, limit: query.limit }
  for (const [field] of given) params[field] = query[field]!
  const after =
    query.after === undefined ? '' : 'AND (created_at < @afterAt OR (created_at = @afterAt AND id < @afterId))'
  if (query.after !== undefined) Object.assign(params, { afterAt: query.after.createdAt, afterId: query.after.id })
  const sql = `SELECT ${RECORD_COLUMNS} FROM automation_records WHERE kind = @kind
    ${given.map(([field, column]) => `AND ${column} = @${field}`).join(' ')} ${after}
    ORDER BY created_at DESC, id DESC LIMIT @limit`
  return prepared<[typeof params], RecordRow>(db, sql).all(params).map(recordOfRow)
}
