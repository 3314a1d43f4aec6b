import {
  durationMs,
  type SegmentCondition,
  type SegmentOccurrence,
  type SegmentSequenceStep,
  type SegmentTimeWindow,
} from '@sillage/protocol'
import { conditionNames } from '../condition-names.js'
import { compileContext, matching, type SqlCompileContext } from './compile-condition-sql.js'
import type { SegmentSqlDialect } from './segment-sql-dialect.js'

/** An instant the database reads for the contact row `c` (NULL when there is none), and how much later it counts. */
export interface CandidateInstant {
  sql: string
  /** Added to the instant: a window's or a threshold's length; 0 for an event still ahead of `now`. */
  laterByMs: number
}

/** The candidate instants of a condition, and the values of their placeholders at a given `now`. */
export interface CompiledNextChange {
  candidates: CandidateInstant[]
  bind(now: Date): unknown[]
}

/**
 * `nextChangeAt` as SQL: the instants it takes its candidates from, each a scalar
 * subquery on `contacts c` reading the least the reference reads (a min or a max over an
 * index range, not every event of the contact). The earliest candidate after `now`, once
 * its length is added, is the reference's answer (`earliestChangeAfter`):
 * - a sliding `within` window: its oldest matching event, plus the window's length;
 * - a `first`/`last` occurrence with a `within`/`before` length: that occurrence, plus the length;
 * - any stored event of the condition's names stamped after `now`: it comes into view then.
 *
 * @example
 * const { candidates, bind } = compileNextChangeSql({ event: 'logged_in', last: { before: '14d' } }, dialect)
 * // candidates: [{ sql: '(SELECT max(e1.timestamp) …)', laterByMs: 1_209_600_000 },
 * //   { sql: '(SELECT min(…) … > now)', laterByMs: 0 }]
 */
export function compileNextChangeSql(match: SegmentCondition, dialect: SegmentSqlDialect): CompiledNextChange {
  const context = compileContext(dialect)
  const candidates: CandidateInstant[] = []
  collect(match, context, candidates)
  for (const name of conditionNames(match).events) candidates.push(comingIntoView(name, context))
  return { candidates, bind: (now) => context.parameters.bind(now) }
}

function collect(condition: SegmentCondition, context: SqlCompileContext, candidates: CandidateInstant[]): void {
  if ('all' in condition) return condition.all.forEach((child) => collect(child, context, candidates))
  if ('any' in condition) return condition.any.forEach((child) => collect(child, context, candidates))
  if ('not' in condition) return collect(condition.not, context, candidates)
  if ('event' in condition) {
    const slide = slidingLength(condition.within)
    if (slide !== undefined) candidates.push(oldestInWindow(condition, slide, context))
    const first = occurrenceLength(condition.first)
    if (first !== undefined) candidates.push({ sql: pick('min', condition, context), laterByMs: first })
    const last = occurrenceLength(condition.last)
    if (last !== undefined) candidates.push({ sql: pick('max', condition, context), laterByMs: last })
  }
  if ('sequence' in condition) {
    const slide = slidingLength(condition.within)
    // The oldest event matching any step is the least of each step's oldest: the earliest candidate is the same.
    if (slide !== undefined)
      for (const step of condition.sequence) candidates.push(oldestInWindow(step, slide, context))
  }
}

/** The length of a sliding window (a duration); periods do not slide. */
function slidingLength(window: SegmentTimeWindow | undefined): number | undefined {
  return typeof window === 'string' ? durationMs(window)! : undefined
}

/** `{within: d}` stops holding, and `{before: d}` starts, when the occurrence turns `d` old. */
function occurrenceLength(occurrence: SegmentOccurrence | undefined): number | undefined {
  if (occurrence === undefined) return undefined
  return slidingLength('within' in occurrence ? occurrence.within : occurrence.before)
}

function oldestInWindow(step: SegmentSequenceStep, length: number, context: SqlCompileContext): CandidateInstant {
  const alias = context.nextAlias('e')
  const after = context.parameters.instantFromNow((now) => now.getTime() - length)
  const where = matching(alias, step, context)
  return {
    sql: `(SELECT min(${alias}.timestamp) FROM events ${alias} WHERE ${where} AND ${alias}.timestamp > ${after})`,
    laterByMs: length,
  }
}

function pick(aggregate: 'min' | 'max', step: SegmentSequenceStep, context: SqlCompileContext): string {
  const alias = context.nextAlias('e')
  return `(SELECT ${aggregate}(${alias}.timestamp) FROM events ${alias} WHERE ${matching(alias, step, context)})`
}

/** The contact's earliest event of this name stamped after `now`: not seen yet, it counts once its time comes. */
function comingIntoView(name: string, context: SqlCompileContext): CandidateInstant {
  const alias = context.nextAlias('e')
  const { parameters } = context
  const seen = parameters.instantFromNow((now) => now.getTime())
  return {
    sql:
      `(SELECT min(${alias}.timestamp) FROM events ${alias} WHERE ${alias}.contact_id = c.id ` +
      `AND ${alias}.name = ${parameters.add(name)} AND ${alias}.timestamp > ${seen})`,
    laterByMs: 0,
  }
}
