import type { AutomationRecordKind } from '../../../automations/records/automation-record.js'
import type { PostgresHandle } from '../postgres-handle.js'

/**
 * Deletes one automation record; true when there was one.
 *
 * @example
 * await deleteRecord(handle, { kind: 'timer', id: 'tm_1' })
 */
export async function deleteRecord(
  { sql, pipeline }: PostgresHandle,
  { kind, id }: { kind: AutomationRecordKind; id: string },
): Promise<boolean> {
  const rows = await pipeline.read(sql`DELETE FROM automation_records WHERE kind = ${kind} AND id = ${id} RETURNING id`)
  return rows.length > 0
}
