import type { Database } from 'better-sqlite3'
import type { SegmentCondition } from '@sillage/protocol'
import type { MatchResult, MatchScope } from '../../../segments/stored-segment.js'
import { compileSqliteSegmentCondition, namedParameters } from './compile-segment-condition.js'

/**
 * Which contacts of `scope` match at `now`, by the compiled condition: the work stays in
 * the database. Statements are prepared per call (their text depends on the condition).
 *
 * @example
 * matchSegment(db, { match, matchOf, now, scope: { after: null, limit: 500 } }) // { members, scanned, remaining }
 */
export function matchSegment(
  db: Database,
  {
    match,
    matchOf,
    now,
    scope,
  }: {
    match: SegmentCondition
    matchOf: (segmentId: string) => SegmentCondition | undefined
    now: Date
    scope: MatchScope
  },
): MatchResult {
  const condition = compileSqliteSegmentCondition(match, { matchOf })
  const parameters = namedParameters(condition.bind(now))
  if ('all' in scope) {
    const rows = db
      .prepare<Record<string, unknown>, { id: string }>(
        `SELECT c.id FROM contacts c WHERE ${condition.sql} ORDER BY c.id`,
      )
      .all(parameters)
    return { members: rows.map((row) => row.id), scanned: [], remaining: 0 }
  }
  if ('contactIds' in scope) {
    if (scope.contactIds.length === 0) return { members: [], scanned: [], remaining: 0 }
    const rows = db
      .prepare<Record<string, unknown>, { id: string }>(
        `SELECT c.id FROM contacts c
         WHERE c.id IN (SELECT value FROM json_each(@scopeIds)) AND ${condition.sql} ORDER BY c.id`,
      )
      .all({ ...parameters, scopeIds: JSON.stringify(scope.contactIds) })
    return { members: rows.map((row) => row.id), scanned: [], remaining: 0 }
  }
  const rows = db
    .prepare<Record<string, unknown>, { id: string; member: number }>(
      `SELECT c.id, CASE WHEN ${condition.sql} THEN 1 ELSE 0 END AS member FROM contacts c
     WHERE @scopeAfter IS NULL OR c.id > @scopeAfter ORDER BY c.id LIMIT @scopeLimit`,
    )
    .all({ ...parameters, scopeAfter: scope.after, scopeLimit: scope.limit })
  const lastId = rows.at(-1)?.id ?? null
  const remaining =
    lastId === null
      ? 0
      : db.prepare<[string], number>('SELECT count(*) FROM contacts WHERE id > ?').pluck().get(lastId)!
  return {
    members: rows.filter((row) => row.member === 1).map((row) => row.id),
    scanned: rows.map((row) => row.id),
    remaining,
  }
}
