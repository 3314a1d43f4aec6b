import type { SegmentCondition } from '@sillage/protocol'
import { earliestChangeAfter } from '../../../segments/earliest-change-after.js'
import { compileNextChangeSql } from '../../../segments/sql/compile-next-change-sql.js'
import type { NextChange } from '../../../segments/stored-segment.js'
import type { PostgresHandle } from '../postgres-handle.js'
import { postgresSegmentDialect } from './compile-segment-condition.js'

/**
 * When each listed contact's membership of `match` can next change with time alone, as
 * `nextChangeAt` answers from their events, computed from a few index reads per contact
 * in the database (`compileNextChangeSql`) instead of reading their whole history.
 * Contacts that do not exist are left out.
 *
 * @example
 * const match = { event: 'logged_in', last: { before: '14d' } }
 * await nextSegmentChanges(handle, { match, contactIds: ['c_1'], now })
 * // [{ contactId: 'c_1', dueAt: '2026-03-15T09:00:00.000Z' }]
 */
export async function nextSegmentChanges(
  { sql, pipeline }: PostgresHandle,
  { match, contactIds, now }: { match: SegmentCondition; contactIds: readonly string[]; now: Date },
): Promise<NextChange[]> {
  if (contactIds.length === 0) return []
  const { candidates, bind } = compileNextChangeSql(match, postgresSegmentDialect)
  const values = bind(now)
  const columns = candidates.map((candidate, index) => `, ${candidate.sql} AS t${index}`).join('')
  const rows = await pipeline.read(
    sql.unsafe<Record<string, string | Date | null>[]>(
      `SELECT c.id${columns} FROM contacts c WHERE c.id = ANY($${values.length + 1}::text[])`,
      [...values, sql.array([...contactIds], 25)] as never[],
    ),
  )
  return rows.map((row) => {
    const dueAt = earliestChangeAfter(
      now,
      candidates,
      candidates.map((_, index) => row[`t${index}`] ?? null),
    )
    return { contactId: row.id as string, dueAt: dueAt?.toISOString() ?? null }
  })
}
