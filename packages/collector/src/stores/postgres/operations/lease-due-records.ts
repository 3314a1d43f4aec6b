import type { AutomationLease, AutomationRecord } from '../../../automations/records/automation-record.js'
import type { PostgresHandle } from '../postgres-handle.js'
import { recordColumns, type RecordRow } from './record-row.js'

/**
 * Takes the records of a kind due at `now`, earliest first, and moves their `dueAt` to the
 * lease's end: unless the taker saves or deletes them before then, they come due again
 * (a dead worker's lease simply runs out). `FOR UPDATE SKIP LOCKED`: collectors leasing
 * at once take different records, and none waits for another.
 *
 * @example
 * await leaseDueRecords(handle, { kind: 'timer', now, leaseUntil, limit: 50 })
 */
export async function leaseDueRecords(
  { sql, pipeline }: PostgresHandle,
  { kind, now, leaseUntil, limit }: AutomationLease,
): Promise<AutomationRecord[]> {
  return pipeline.read(sql<RecordRow[]>`
    WITH due AS (
      SELECT kind, id FROM automation_records WHERE kind = ${kind} AND due_at IS NOT NULL AND due_at <= ${now}
      ORDER BY due_at LIMIT ${limit} FOR UPDATE SKIP LOCKED
    )
    UPDATE automation_records r SET due_at = ${leaseUntil} FROM due WHERE r.kind = due.kind AND r.id = due.id
    RETURNING ${sql.unsafe(recordColumns('r'))}`)
}
