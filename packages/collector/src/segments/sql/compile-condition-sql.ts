import {
  durationMs,
  type SegmentCondition,
  type SegmentEventCondition,
  type SegmentFilter,
  type SegmentOccurrence,
  type SegmentSequenceStep,
  type SegmentTimeWindow,
} from '@sillage/protocol'
import { comparisonOf, negatedOps, type OpAndOperand } from '../comparison-of.js'
import { effectiveCount } from '../evaluate-event-condition.js'
import { splitPropertyPath } from '../property-path.js'
import { readsSummary } from '../summary-occurrences.js'
import type { SegmentSqlDialect } from './segment-sql-dialect.js'
import { SqlParameters } from './sql-parameters.js'
import { sqlOperator } from './sql-operator.js'

/** A predicate on the contact row `c`, and the values of its placeholders at a given `now`. */
export interface CompiledSegmentCondition {
  sql: string
  bind(now: Date): unknown[]
}

export interface CompileSegmentOptions {
  /** The segment being compiled, if saved: a reference back to it is a cycle. */
  segmentId?: string
  /** Other segments' conditions, inlined where `{"segment": id}` names them; unknown ids match nobody. */
  matchOf?: (segmentId: string) => SegmentCondition | undefined
}

/** Segments that refer to each other in a loop have no membership: refuse them when saved. */
export class SegmentCycleError extends Error {
  override readonly name = 'SegmentCycleError'
  constructor(readonly chain: string[]) {
    super(`Segments refer to each other in a loop (${chain.join(' → ')}): remove one of the references`)
  }
}

/** What a compilation carries along: the dialect, the parameters written so far, fresh aliases. */
export interface SqlCompileContext {
  dialect: SegmentSqlDialect
  parameters: SqlParameters
  nextAlias: (prefix: string) => string
  options: CompileSegmentOptions
  referencing: string[]
}

/**
 * Compiles a condition into a SQL predicate on the contact row `c` (of `contacts c`), with
 * correlated subqueries on `events`: the same membership as `evaluateCondition`, computed
 * in the database. `now` is a parameter, so one statement serves any clock.
 *
 * @example
 * const { sql, bind } = compileConditionSql(match, sqliteDialect, {})
 * db.prepare(`SELECT c.id FROM contacts c WHERE ${sql}`).all(...bind(new Date()))
 */
export function compileConditionSql(
  match: SegmentCondition,
  dialect: SegmentSqlDialect,
  options: CompileSegmentOptions,
): CompiledSegmentCondition {
  const context = compileContext(dialect, options)
  const sql = condition(match, context)
  return { sql, bind: (now) => context.parameters.bind(now) }
}

/** A fresh compilation: no parameter yet, aliases numbered from 1. */
export function compileContext(dialect: SegmentSqlDialect, options: CompileSegmentOptions = {}): SqlCompileContext {
  let aliases = 0
  return {
    dialect,
    parameters: new SqlParameters(dialect),
    nextAlias: (prefix) => `${prefix}${++aliases}`,
    options,
    referencing: options.segmentId === undefined ? [] : [options.segmentId],
  }
}

function condition(match: SegmentCondition, context: SqlCompileContext): string {
  if ('all' in match) return `(${match.all.map((child) => condition(child, context)).join(' AND ')})`
  if ('any' in match) return `(${match.any.map((child) => condition(child, context)).join(' OR ')})`
  if ('not' in match) return `(NOT ${condition(match.not, context)})`
  if ('event' in match) return eventCondition(match, context)
  if ('sequence' in match) return sequence(match.sequence, match.within, context)
  if ('attribute' in match)
    return anyValue(
      context.dialect.attribute(match.attribute, context.parameters.add),
      [],
      comparisonOf(match),
      context,
    )
  return segmentReference(match.segment, context)
}

function segmentReference(segmentId: string, context: SqlCompileContext): string {
  if (context.referencing.includes(segmentId)) throw new SegmentCycleError([...context.referencing, segmentId])
  const referenced = context.options.matchOf?.(segmentId)
  if (referenced === undefined) return 'FALSE'
  context.referencing.push(segmentId)
  const sql = condition(referenced, context)
  context.referencing.pop()
  return sql
}

function eventCondition(match: SegmentEventCondition, context: SqlCompileContext): string {
  if (readsSummary(match)) return summaryCondition(match, context)
  const parts: string[] = []
  const count = effectiveCount(match)
  if (count !== undefined) {
    const [op, value] = Object.entries(count)[0] as [keyof typeof sqlOperator, number]
    const events = (select: string) => {
      const alias = context.nextAlias('e')
      const where = `${matching(alias, match, context)}${window(alias, match.within, context)}`
      return `(SELECT ${select} FROM events ${alias} WHERE ${where})`
    }
    if ((op === 'gte' && value === 1) || (op === 'gt' && value === 0)) parts.push(`EXISTS ${events('1')}`)
    else if ((op === 'eq' && value === 0) || (op === 'lt' && value === 1) || (op === 'lte' && value === 0))
      parts.push(`NOT EXISTS ${events('1')}`)
    else parts.push(`${countUpTo(value + 1, match, context)} ${sqlOperator[op]} ${context.parameters.add(value)}`)
  }
  if (match.first !== undefined) parts.push(occurrence('min', match, match.first, context))
  if (match.last !== undefined) parts.push(occurrence('max', match, match.last, context))
  return parts.length === 1 ? parts[0]! : `(${parts.join(' AND ')})`
}

/**
 * How many matching events the contact has in the window, counted up to `cap` (one more
 * than the count compared with): any comparison with that count reads the same on the
 * capped number, and a contact with many matching events is not read to the end, each
 * event past the index being a row to fetch (its properties, for a filter).
 */
function countUpTo(cap: number, match: SegmentEventCondition, context: SqlCompileContext): string {
  const alias = context.nextAlias('e')
  const where = `${matching(alias, match, context)}${window(alias, match.within, context)}`
  const limit = context.parameters.add(Math.max(0, cap))
  const capped = `SELECT 1 FROM events ${alias} WHERE ${where} LIMIT ${limit}`
  return `(SELECT count(*) FROM (${capped}) AS ${context.nextAlias('n')})`
}

/**
 * An all-time condition without a property filter, read from the contact's summary of the
 * name (one primary-key lookup, and it outlives retention), as `summaryOccurrences` does:
 * when the summary's last event is stamped after `now`, the seen events are counted instead.
 * No summary row: never done.
 */
function summaryCondition(match: SegmentEventCondition, context: SqlCompileContext): string {
  const { parameters } = context
  const seen = parameters.instantFromNow((now) => now.getTime())
  const name = parameters.add(match.event)
  const summary = (column: string, fromEvents: (alias: string) => string) => {
    const s = context.nextAlias('s')
    const e = context.nextAlias('e')
    const events = `(SELECT ${fromEvents(e)} FROM events ${e} WHERE ${matching(e, match, context)})`
    return (
      `(SELECT CASE WHEN ${s}.last <= ${seen} THEN ${s}.${column} ELSE ${events} END ` +
      `FROM event_summaries ${s} WHERE ${s}.contact_id = c.id AND ${s}.name = ${name})`
    )
  }
  const parts: string[] = []
  const count = effectiveCount(match)
  if (count !== undefined) {
    const [op, value] = Object.entries(count)[0] as [keyof typeof sqlOperator, number]
    // Did it at all: a summary row whose last event is seen, or else a seen event.
    const done = () => {
      const s = context.nextAlias('s')
      const e = context.nextAlias('e')
      return (
        `EXISTS (SELECT 1 FROM event_summaries ${s} WHERE ${s}.contact_id = c.id AND ${s}.name = ${name} AND ` +
        `(${s}.last <= ${seen} OR EXISTS (SELECT 1 FROM events ${e} WHERE ${matching(e, match, context)})))`
      )
    }
    if ((op === 'gte' && value === 1) || (op === 'gt' && value === 0)) parts.push(done())
    else if ((op === 'eq' && value === 0) || (op === 'lt' && value === 1) || (op === 'lte' && value === 0))
      parts.push(`NOT ${done()}`)
    else {
      const counted = `COALESCE(${summary('count', () => 'count(*)')}, 0)`
      parts.push(`${counted} ${sqlOperator[op]} ${parameters.add(value)}`)
    }
  }
  const at = (column: 'first' | 'last') => () =>
    summary(column, (e) => `${column === 'first' ? 'min' : 'max'}(${e}.timestamp)`)
  if (match.first !== undefined) parts.push(occurrenceAt(at('first'), match.first, context))
  if (match.last !== undefined) parts.push(occurrenceAt(at('last'), match.last, context))
  return parts.length === 1 ? parts[0]! : `(${parts.join(' AND ')})`
}

/** `COALESCE(…, FALSE)`: a contact who never did it has no first/last occurrence; that reads false, not NULL. */
function occurrence(
  pick: 'min' | 'max',
  step: SegmentSequenceStep,
  when: SegmentOccurrence,
  context: SqlCompileContext,
): string {
  const at = () => {
    const alias = context.nextAlias('e')
    return `(SELECT ${pick}(${alias}.timestamp) FROM events ${alias} WHERE ${matching(alias, step, context)})`
  }
  return occurrenceAt(at, when, context)
}

/** Whether the instant `at()` (a fresh subquery per use) satisfies `when`; false when NULL. */
function occurrenceAt(at: () => string, when: SegmentOccurrence, context: SqlCompileContext): string {
  const { parameters } = context
  if ('before' in when) {
    const length = durationMs(when.before)!
    return `COALESCE(${at()} <= ${parameters.instantFromNow((now) => now.getTime() - length)}, FALSE)`
  }
  if (typeof when.within === 'string') {
    const length = durationMs(when.within)!
    return `COALESCE(${at()} > ${parameters.instantFromNow((now) => now.getTime() - length)}, FALSE)`
  }
  const since = `${at()} >= ${parameters.instant(Date.parse(when.within.since))}`
  const until =
    when.within.until === undefined ? '' : ` AND ${at()} < ${parameters.instant(Date.parse(when.within.until))}`
  return `COALESCE(${since}${until}, FALSE)`
}

/**
 * The earliest event of each step later than the previous step's: found whenever an order
 * exists.
 */
function sequence(
  steps: readonly SegmentSequenceStep[],
  within: SegmentTimeWindow | undefined,
  context: SqlCompileContext,
): string {
  const earliest = (index: number): string => {
    const alias = context.nextAlias('e')
    const where = `${matching(alias, steps[index]!, context)}${window(alias, within, context)}`
    const head = `SELECT min(${alias}.timestamp) FROM events ${alias} WHERE ${where}`
    return index === 0 ? `(${head})` : `(${head} AND ${alias}.timestamp > ${earliest(index - 1)})`
  }
  return `(${earliest(steps.length - 1)} IS NOT NULL)`
}

/** The contact's events of this name, seen at `now`, passing every filter. */
export function matching(alias: string, step: SegmentSequenceStep, context: SqlCompileContext): string {
  const { parameters } = context
  const name = parameters.add(step.event)
  const seen = parameters.instantFromNow((now) => now.getTime())
  const base = `${alias}.contact_id = c.id AND ${alias}.name = ${name} AND ${alias}.timestamp <= ${seen}`
  return [base, ...(step.where ?? []).map((filter) => propertyFilter(alias, filter, context))].join(' AND ')
}

function propertyFilter(alias: string, filter: SegmentFilter, context: SqlCompileContext): string {
  const [first, ...rest] = splitPropertyPath(filter.property)
  return anyValue(
    context.dialect.member(`${alias}.properties`, first!, context.parameters.add),
    rest,
    comparisonOf(filter),
    context,
  )
}

function window(alias: string, within: SegmentTimeWindow | undefined, context: SqlCompileContext): string {
  if (within === undefined) return ''
  const { parameters } = context
  if (typeof within === 'string') {
    const length = durationMs(within)!
    return ` AND ${alias}.timestamp > ${parameters.instantFromNow((now) => now.getTime() - length)}`
  }
  const until =
    within.until === undefined ? '' : ` AND ${alias}.timestamp < ${parameters.instant(Date.parse(within.until))}`
  return ` AND ${alias}.timestamp >= ${parameters.instant(Date.parse(within.since))}${until}`
}

/**
 * Whether any value reached from `json` through `names` (arrays expanded at each step)
 * passes the comparison; `neq`, `notContains` and `exists: false` are the negation of
 * their positive twin, as in `matchesComparison`.
 */
function anyValue(
  json: string,
  names: readonly string[],
  comparison: OpAndOperand,
  context: SqlCompileContext,
): string {
  const { dialect, parameters } = context
  let alias = context.nextAlias('v')
  const from = [dialect.expand(json, alias)]
  for (const name of names) {
    const child = dialect.member(dialect.objectOf(alias), name, parameters.add)
    alias = context.nextAlias('v')
    from.push(dialect.expand(child, alias))
  }
  const positive = negatedOps[comparison.op]
  const negate = positive !== undefined || (comparison.op === 'exists' && !comparison.operand)
  const tested: OpAndOperand =
    positive !== undefined
      ? ({ op: positive, operand: comparison.operand } as OpAndOperand)
      : comparison.op === 'exists'
        ? { op: 'exists', operand: true }
        : comparison
  const test = dialect.test(alias, tested, parameters.add)
  return `${negate ? 'NOT ' : ''}EXISTS (SELECT 1 FROM ${from.join(', ')} WHERE ${test})`
}
