import type { SegmentScalar } from '@sillage/protocol'
import type { OpAndOperand } from './comparison-of.js'

/**
 * Whether the values found at a path (see `valuesAtPath`) satisfy a comparison. The rules,
 * which the SQL compilers follow exactly:
 * - a comparison holds when ANY value satisfies it; `null` counts as missing;
 * - types never mix: `eq 5` does not match `"5"`, `gt 3` does not match `"4"`, `contains`
 *   applies to strings only; `gt/gte/lt/lte` compare numbers with numbers and strings with
 *   strings, by Unicode code point;
 * - `neq` and `notContains` are the negation of `eq` and `contains`: they hold when NO
 *   value matches, so also when the property is missing (`plan neq "pro"` holds without a plan);
 * - `in` holds when any value equals any listed value;
 * - `exists: true` holds when at least one non-null value is there (an empty array has
 *   none); `exists: false` is its negation.
 *
 * @example
 * matchesComparison([5, 60], { op: 'gt', operand: 50 }) // true
 * matchesComparison([], { op: 'neq', operand: 'pro' }) // true
 */
export function matchesComparison(values: readonly unknown[], comparison: OpAndOperand): boolean {
  switch (comparison.op) {
    case 'eq':
      return values.some((value) => sameScalar(value, comparison.operand))
    case 'neq':
      return !values.some((value) => sameScalar(value, comparison.operand))
    case 'in':
      return values.some((value) => comparison.operand.some((listed) => sameScalar(value, listed)))
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return values.some((value) => isOrdered(value, comparison.op, comparison.operand))
    case 'contains':
      return values.some((value) => typeof value === 'string' && value.includes(comparison.operand))
    case 'notContains':
      return !values.some((value) => typeof value === 'string' && value.includes(comparison.operand))
    case 'startsWith':
      return values.some((value) => typeof value === 'string' && value.startsWith(comparison.operand))
    case 'endsWith':
      return values.some((value) => typeof value === 'string' && value.endsWith(comparison.operand))
    case 'exists':
      return values.some((value) => value !== null && value !== undefined) === comparison.operand
  }
}

function sameScalar(value: unknown, operand: SegmentScalar): boolean {
  return typeof value === typeof operand && value === operand
}

function isOrdered(value: unknown, op: 'gt' | 'gte' | 'lt' | 'lte', operand: number | string): boolean {
  if (typeof value !== typeof operand) return false
  const order =
    typeof value === 'number'
      ? Math.sign(value - (operand as number))
      : compareCodePoints(value as string, operand as string)
  return op === 'gt' ? order > 0 : op === 'gte' ? order >= 0 : op === 'lt' ? order < 0 : order <= 0
}

/**
 * Code point order, as SQLite's BINARY and PostgreSQL's "C" collations compare UTF-8 text
 * (JS `<` compares UTF-16 units, which differs beyond the Basic Multilingual Plane).
 */
function compareCodePoints(left: string, right: string): number {
  const a = [...left]
  const b = [...right]
  for (let index = 0; index < Math.min(a.length, b.length); index += 1) {
    const difference = a[index]!.codePointAt(0)! - b[index]!.codePointAt(0)!
    if (difference !== 0) return Math.sign(difference)
  }
  return Math.sign(a.length - b.length)
}
