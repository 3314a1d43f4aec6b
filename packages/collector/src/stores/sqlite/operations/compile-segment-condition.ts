import type { SegmentCondition } from '@sillage/protocol'
import type { OpAndOperand } from '../../../segments/comparison-of.js'
import {
  compileConditionSql,
  type CompiledSegmentCondition,
  type CompileSegmentOptions,
} from '../../../segments/sql/compile-condition-sql.js'
import type { AddParameter, SegmentSqlDialect } from '../../../segments/sql/segment-sql-dialect.js'
import { sqlOperator } from '../../../segments/sql/sql-operator.js'

/**
 * SQLite's side: properties and attribute values are JSON text, walked with `->` and
 * `json_each` (whose `type` column tells text, integer, real, true, false, null, array and
 * object apart); timestamps are ISO-8601 text, which sorts as time. Placeholders are
 * named (`@p1`), bound with `namedParameters`.
 */
export const sqliteSegmentDialect: SegmentSqlDialect = {
  placeholder: (position) => `@p${position}`,
  instant: (placeholder) => placeholder,
  // Names are free of `"` and `\` (the schema refuses them), so quoting them in a path is safe.
  member: (parent, name, add) => `(${parent} -> ${add(`$."${name}"`)})`,
  objectOf: (alias) => `(CASE WHEN ${alias}.type = 'object' THEN ${alias}.value END)`,
  expand: (json, alias) =>
    `json_each(CASE WHEN json_type(${json}) = 'array' THEN ${json} ELSE json_array(json(${json})) END) AS ${alias}`,
  test: valueTest,
  attribute(name, add) {
    if (name === 'email') return 'json_quote(c.email)'
    if (name === 'userId') return 'json_quote(c.user_id)'
    if (name === 'identified') return `(CASE WHEN c.user_id IS NULL AND c.email IS NULL THEN 'false' ELSE 'true' END)`
    return `(SELECT ca.value FROM contact_attributes ca WHERE ca.contact_id = c.id AND ca.key = ${add(name)})`
  },
}

function valueTest(alias: string, comparison: OpAndOperand, add: AddParameter): string {
  const isText = `${alias}.type = 'text'`
  const isNumber = `${alias}.type IN ('integer', 'real')`
  const value = `${alias}.value`
  switch (comparison.op) {
    case 'eq':
    case 'neq':
      return equals(alias, comparison.operand, add)
    case 'in':
      return `(${comparison.operand.map((listed) => equals(alias, listed, add)).join(' OR ')})`
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const type = typeof comparison.operand === 'number' ? isNumber : isText
      return `(${type} AND ${value} ${sqlOperator[comparison.op]} ${add(comparison.operand)})`
    }
    case 'contains':
    case 'notContains':
      return `(${isText} AND instr(${value}, ${add(comparison.operand)}) > 0)`
    case 'startsWith': {
      const prefix = add(comparison.operand)
      return `(${isText} AND substr(${value}, 1, length(${prefix})) = ${prefix})`
    }
    case 'endsWith': {
      const suffix = add(comparison.operand)
      return `(${isText} AND substr(${value}, -length(${suffix})) = ${suffix})`
    }
    case 'exists':
      return `${alias}.type <> 'null'`
  }
}

/** Booleans are told by `type` alone: SQLite has no boolean to bind. */
function equals(alias: string, operand: string | number | boolean, add: AddParameter): string {
  if (typeof operand === 'boolean') return `${alias}.type = '${operand}'`
  const type = typeof operand === 'number' ? `${alias}.type IN ('integer', 'real')` : `${alias}.type = 'text'`
  return `(${type} AND ${alias}.value = ${add(operand)})`
}

/**
 * A segment condition as a SQLite predicate on `contacts c`.
 *
 * @example
 * const condition = compileSqliteSegmentCondition({ event: 'order_completed', count: { gte: 2 }, within: '30d' })
 * db.prepare(`SELECT c.id FROM contacts c WHERE ${condition.sql}`).all(namedParameters(condition.bind(new Date())))
 */
export function compileSqliteSegmentCondition(
  match: SegmentCondition,
  options: CompileSegmentOptions = {},
): CompiledSegmentCondition {
  return compileConditionSql(match, sqliteSegmentDialect, options)
}

/**
 * The bound values as better-sqlite3 takes named parameters: `{ p1, p2, … }`.
 *
 * @example
 * statement.all(namedParameters(condition.bind(now)))
 */
export function namedParameters(values: readonly unknown[]): Record<string, unknown> {
  return Object.fromEntries(values.map((value, index) => [`p${index + 1}`, value]))
}
