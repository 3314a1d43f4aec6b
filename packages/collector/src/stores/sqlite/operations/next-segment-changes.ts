import type { Database } from 'better-sqlite3'
import type { SegmentCondition } from '@sillage/protocol'
import { earliestChangeAfter } from '../../../segments/earliest-change-after.js'
import { compileNextChangeSql } from '../../../segments/sql/compile-next-change-sql.js'
import type { NextChange } from '../../../segments/stored-segment.js'
import { namedParameters, sqliteSegmentDialect } from './compile-segment-condition.js'

/**
 * When each listed contact's membership of `match` can next change with time alone, as
 * `nextChangeAt` answers from their events, computed from a few index reads per contact
 * in the database (`compileNextChangeSql`) instead of reading their whole history.
 * Contacts that do not exist are left out.
 *
 * @example
 * nextSegmentChanges(db, { match: { event: 'logged_in', last: { before: '14d' } }, contactIds: ['c_1'], now })
 * // [{ contactId: 'c_1', dueAt: '2026-03-15T09:00:00.000Z' }]
 */
export function nextSegmentChanges(
  db: Database,
  { match, contactIds, now }: { match: SegmentCondition; contactIds: readonly string[]; now: Date },
): NextChange[] {
  if (contactIds.length === 0) return []
  const { candidates, bind } = compileNextChangeSql(match, sqliteSegmentDialect)
  const columns = candidates.map((candidate, index) => `, ${candidate.sql} AS t${index}`).join('')
  const rows = db
    .prepare<Record<string, unknown>, Record<string, string | null>>(
      `SELECT c.id${columns} FROM contacts c WHERE c.id IN (SELECT value FROM json_each(@contactIds))`,
    )
    .all({ ...namedParameters(bind(now)), contactIds: JSON.stringify(contactIds) })
  return rows.map((row) => {
    const dueAt = earliestChangeAfter(
      now,
      candidates,
      candidates.map((_, index) => row[`t${index}`] ?? null),
    )
    return { contactId: row.id!, dueAt: dueAt?.toISOString() ?? null }
  })
}
