import type { AutomationRecord, ContactRecordsQuery } from '../../../automations/records/automation-record.js'
import type { PostgresHandle } from '../postgres-handle.js'
import { texts } from '../text-array.js'
import { recordColumns, type RecordRow } from './record-row.js'

/**
 * The records of a kind held by any of these contacts, at most `limit` per contact, newest
 * first: one statement for a page of contacts. Each contact is its own index search (a
 * lateral subquery per id), whatever plan a prepared `= ANY($ids)` would have kept.
 *
 * @example
 * await findContactRecords(handle, { kind: 'run', contactIds: ['c_1', 'c_2'], status: 'waiting', limit: 1000 })
 */
export async function findContactRecords(
  { sql, pipeline }: PostgresHandle,
  { kind, contactIds, status, automationIds, limit }: ContactRecordsQuery,
): Promise<AutomationRecord[]> {
  if (contactIds.length === 0) return []
  const ofStatus = status === undefined ? sql`` : sql`AND status = ${status}`
  const ofAutomations =
    automationIds === undefined ? sql`` : sql`AND automation_id = ANY(${texts(sql, automationIds)}::text[])`
  return pipeline.read(sql<RecordRow[]>`
    SELECT ${sql.unsafe(recordColumns('r'))}
    FROM unnest(${texts(sql, [...new Set(contactIds)])}::text[]) AS wanted (contact_id)
    CROSS JOIN LATERAL (
      SELECT * FROM automation_records
      WHERE kind = ${kind} AND contact_id = wanted.contact_id ${ofStatus} ${ofAutomations}
      ORDER BY created_at DESC, id DESC LIMIT ${limit}
    ) AS r
    ORDER BY r.created_at DESC, r.id DESC`)
}
