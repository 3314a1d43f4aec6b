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
 * PostgreSQL's side: properties and attribute values are `json`, walked with `->` and
 * `json_array_elements`; scalars are read as text with `#>> '{}'`. Each cast sits inside a
 * CASE on `json_typeof`, because PostgreSQL does not promise to evaluate `AND` left to
 * right and a string must never reach `::float8`. Strings are ordered with the "C"
 * collation: by code point, like the reference evaluator and SQLite.
 */
export const postgresSegmentDialect: SegmentSqlDialect = {
  placeholder: (position) => `$${position}`,
  instant: (placeholder) => `${placeholder}::timestamptz`,
  member: (parent, name, add) => `(${parent} -> ${add(name)}::text)`,
  objectOf: (alias) => `(CASE WHEN json_typeof(${alias}.value) = 'object' THEN ${alias}.value END)`,
  // The value is computed once (LATERAL), not once per mention in the CASE.
  expand: (json, alias) =>
    `LATERAL (SELECT ${json} AS json) AS ${alias}_at, ` +
    `json_array_elements(CASE WHEN json_typeof(${alias}_at.json) = 'array' THEN ${alias}_at.json ` +
    `ELSE json_build_array(${alias}_at.json) END) AS ${alias}(value)`,
  test: valueTest,
  attribute(name, add) {
    if (name === 'email') return 'to_json(c.email)'
    if (name === 'userId') return 'to_json(c.user_id)'
    if (name === 'identified') return 'to_json(c.user_id IS NOT NULL OR c.email IS NOT NULL)'
    return `(SELECT ca.value FROM contact_attributes ca WHERE ca.contact_id = c.id AND ca.key = ${add(name)}::text)`
  },
}

function valueTest(alias: string, comparison: OpAndOperand, add: AddParameter): string {
  const text = `(${alias}.value #>> '{}')`
  const whenText = (test: string) => `(CASE WHEN json_typeof(${alias}.value) = 'string' THEN ${test} ELSE FALSE END)`
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
      const operator = sqlOperator[comparison.op]
      if (typeof comparison.operand === 'number')
        return whenNumber(alias, `${text}::float8 ${operator} ${add(comparison.operand)}::float8`)
      return whenText(`${text} COLLATE "C" ${operator} ${add(comparison.operand)}::text`)
    }
    case 'contains':
    case 'notContains':
      return whenText(`strpos(${text}, ${add(comparison.operand)}::text) > 0`)
    case 'startsWith': {
      const prefix = `${add(comparison.operand)}::text`
      return whenText(`left(${text}, length(${prefix})) = ${prefix}`)
    }
    case 'endsWith': {
      const suffix = `${add(comparison.operand)}::text`
      return whenText(`right(${text}, length(${suffix})) = ${suffix}`)
    }
    case 'exists':
      return `json_typeof(${alias}.value) <> 'null'`
  }
}

function whenNumber(alias: string, test: string): string {
  return `(CASE WHEN json_typeof(${alias}.value) = 'number' THEN ${test} ELSE FALSE END)`
}

function equals(alias: string, operand: string | number | boolean, add: AddParameter): string {
  const text = `(${alias}.value #>> '{}')`
  if (typeof operand === 'boolean')
    return `(CASE WHEN json_typeof(${alias}.value) = 'boolean' THEN ${text} = '${operand}' ELSE FALSE END)`
  if (typeof operand === 'number') return whenNumber(alias, `${text}::float8 = ${add(operand)}::float8`)
  return `(CASE WHEN json_typeof(${alias}.value) = 'string' THEN ${text} = ${add(operand)}::text ELSE FALSE END)`
}

/**
 * A segment condition as a PostgreSQL predicate on `contacts c`.
 *
 * @example
 * const condition = compilePostgresSegmentCondition({ attribute: 'country', eq: 'FR' })
 * await sql.unsafe(`SELECT c.id FROM contacts c WHERE ${condition.sql}`, condition.bind(new Date()))
 */
export function compilePostgresSegmentCondition(
  match: SegmentCondition,
  options: CompileSegmentOptions = {},
): CompiledSegmentCondition {
  return compileConditionSql(match, postgresSegmentDialect, options)
}
