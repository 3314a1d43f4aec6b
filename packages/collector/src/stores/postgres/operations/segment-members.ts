import type { Sql } from 'postgres'
import type { CompiledSegmentCondition } from '../../../segments/sql/compile-condition-sql.js'

/**
 * The ids of the contacts matching a compiled condition at `now`, in id order.
 *
 * @example
 * await listPostgresSegmentMembers({ sql, condition: compilePostgresSegmentCondition(match), now: new Date() })
 */
export async function listPostgresSegmentMembers({
  sql,
  condition,
  now,
}: {
  sql: Sql
  condition: CompiledSegmentCondition
  now: Date
}): Promise<string[]> {
  const rows = await sql.unsafe<{ id: string }[]>(
    `SELECT c.id FROM contacts c WHERE ${condition.sql} ORDER BY c.id`,
    condition.bind(now) as never[],
  )
  return rows.map((row) => row.id)
}
