import type { SegmentCondition } from '@sillage/protocol'
import type { MatchResult, MatchScope } from '../../../segments/stored-segment.js'
import type { PostgresHandle } from '../postgres-handle.js'
import { compilePostgresSegmentCondition } from './compile-segment-condition.js'

/**
 * Which contacts of `scope` match at `now`, by the compiled condition: the work stays in
 * the database. Contact ids are compared and ordered byte-wise (`COLLATE "C"`), as SQLite does.
 *
 * @example
 * await matchSegment(handle, { match, matchOf, now, scope: { after: null, limit: 500 } })
 * // { members, scanned, remaining }
 */
export async function matchSegment(
  { sql, pipeline }: PostgresHandle,
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
): Promise<MatchResult> {
  const condition = compilePostgresSegmentCondition(match, { matchOf })
  const values = condition.bind(now) as never[]
  const next = `$${values.length + 1}`
  const run = <Row extends object>(text: string, extra: unknown[]) =>
    pipeline.read(sql.unsafe<Row[]>(text, [...values, ...extra] as never[]))
  if ('all' in scope) {
    const rows = await run<{ id: string }>(
      `SELECT c.id FROM contacts c WHERE ${condition.sql} ORDER BY c.id COLLATE "C"`,
      [],
    )
    return { members: rows.map((row) => row.id), scanned: [], remaining: 0 }
  }
  if ('contactIds' in scope) {
    if (scope.contactIds.length === 0) return { members: [], scanned: [], remaining: 0 }
    const rows = await run<{ id: string }>(
      `SELECT c.id FROM contacts c WHERE c.id = ANY(${next}::text[]) AND ${condition.sql} ORDER BY c.id COLLATE "C"`,
      [sql.array(scope.contactIds as string[], 25)],
    )
    return { members: rows.map((row) => row.id), scanned: [], remaining: 0 }
  }
  // The page is chosen first, its size written in the statement: the planner then expects a
  // page of rows, not every contact after the resume point, and runs each condition's
  // subquery per contact off the index instead of hashing it over every event of the name.
  const rows = await run<{ id: string; member: boolean }>(
    `SELECT c.id, coalesce(${condition.sql}, false) AS member FROM (
       SELECT * FROM contacts WHERE ${next}::text IS NULL OR id COLLATE "C" > ${next}
       ORDER BY id COLLATE "C" LIMIT ${pageSize(scope.limit)}) AS c
     ORDER BY c.id COLLATE "C"`,
    [scope.after],
  )
  const lastId = rows.at(-1)?.id ?? null
  const [{ remaining } = { remaining: '0' }] =
    lastId === null
      ? []
      : await pipeline.read(
          sql<{ remaining: string }[]>`SELECT count(*) AS remaining FROM contacts WHERE id COLLATE "C" > ${lastId}`,
        )
  return {
    members: rows.filter((row) => row.member).map((row) => row.id),
    scanned: rows.map((row) => row.id),
    remaining: Number(remaining),
  }
}

/** A page size as SQL text: a positive integer, whatever was passed. */
function pageSize(limit: number): string {
  if (!Number.isSafeInteger(limit) || limit < 1)
    throw new RangeError(`A page of contacts is a positive integer, not ${limit}`)
  return String(limit)
}
