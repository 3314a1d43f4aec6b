import type { Database } from 'better-sqlite3'
import type { CompiledSegmentCondition } from '../../../segments/sql/compile-condition-sql.js'
import { namedParameters } from './compile-segment-condition.js'

/**
 * The ids of the contacts matching a compiled condition at `now`, in id order.
 *
 * @example
 * listSqliteSegmentMembers({ db, condition: compileSqliteSegmentCondition(match), now: new Date() })
 */
export function listSqliteSegmentMembers({
  db,
  condition,
  now,
}: {
  db: Database
  condition: CompiledSegmentCondition
  now: Date
}): string[] {
  const statement = db.prepare<Record<string, unknown>, { id: string }>(
    `SELECT c.id FROM contacts c WHERE ${condition.sql} ORDER BY c.id`,
  )
  return statement.all(namedParameters(condition.bind(now))).map((row) => row.id)
}
