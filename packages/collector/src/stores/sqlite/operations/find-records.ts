import type { Database } from 'better-sqlite3'
import type { AutomationRecord, AutomationRecordQuery } from '../../../automations/records/automation-record.js'
import { prepared } from '../prepared.js'
import { RECORD_COLUMNS, recordOfRow, type RecordRow } from './record-row.js'

/**
 * The automation records of a kind that match every column given, newest first.
 *
 * @example
 * findRecords(db, { kind: 'run', automationId: 'au_1', contactId: 'c_1', limit: 100 })
 */
export function findRecords(db: Database, query: AutomationRecordQuery): AutomationRecord[] {
  const sql = `SELECT ${RECORD_COLUMNS} FROM automation_records WHERE kind = @kind
    AND (@id IS NULL OR id = @id) AND (@automationId IS NULL OR automation_id = @automationId)
    AND (@endpointId IS NULL OR endpoint_id = @endpointId) AND (@contactId IS NULL OR contact_id = @contactId)
    AND (@status IS NULL OR status = @status)
    AND (@beforeAt IS NULL OR created_at < @beforeAt OR (created_at = @beforeAt AND id < @beforeId))
    ORDER BY created_at DESC, id DESC LIMIT @limit`
  const params = {
    kind: query.kind,
    id: query.id ?? null,
    automationId: query.automationId ?? null,
    endpointId: query.endpointId ?? null,
    contactId: query.contactId ?? null,
    status: query.status ?? null,
    beforeAt: query.before?.createdAt ?? null,
    beforeId: query.before?.id ?? null,
    limit: query.limit,
  }
  return prepared<[typeof params], RecordRow>(db, sql).all(params).map(recordOfRow)
}
