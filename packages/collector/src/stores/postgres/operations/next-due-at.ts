import type { AutomationRecordKind } from '../../../automations/records/automation-record.js'
import type { PostgresHandle } from '../postgres-handle.js'

/**
 * When the earliest record of a kind is due (ISO-8601), or null when none is: one step
 * down the due-time index.
 *
 * @example
 * await nextDueAt(handle, { kind: 'delivery' }) // '2026-12-04T05:00:00.000Z'
 */
export async function nextDueAt(
  { sql, pipeline }: PostgresHandle,
  { kind }: { kind: AutomationRecordKind },
): Promise<string | null> {
  const [row] = await pipeline.read(sql<{ dueAt: string }[]>`
    SELECT due_at AS "dueAt" FROM automation_records WHERE kind = ${kind} AND due_at IS NOT NULL
    ORDER BY due_at LIMIT 1`)
  return row?.dueAt ?? null
}
