import type { AutomationRecordKind } from '../../../automations/records/automation-record.js'
import type { PostgresHandle } from '../postgres-handle.js'
import { texts } from '../text-array.js'

/**
 * Which of these unique keys records of a kind hold already: one statement for a page of
 * keys, each an index search of its own (OFFSET 0 keeps each EXISTS a per-key subplan).
 *
 * @example
 * await takenRecordKeys(handle, { kind: 'run', uniqueKeys: ['au_1 42', 'au_2 42'] }) // Set { 'au_1 42' }
 */
export async function takenRecordKeys(
  { sql, pipeline }: PostgresHandle,
  { kind, uniqueKeys }: { kind: AutomationRecordKind; uniqueKeys: readonly string[] },
): Promise<Set<string>> {
  if (uniqueKeys.length === 0) return new Set()
  const rows = await pipeline.read(sql<{ key: string }[]>`
    SELECT key FROM unnest(${texts(sql, uniqueKeys)}::text[]) AS wanted (key)
    WHERE EXISTS (SELECT FROM automation_records WHERE kind = ${kind} AND unique_key = wanted.key OFFSET 0)`)
  return new Set(rows.map((row) => row.key))
}
