import { segmentFilterOps, type SegmentComparison, type SegmentFilterOp, type SegmentScalar } from '@sillage/protocol'

/** The single op of a filter or attribute condition, and its operand. */
export type OpAndOperand =
  | { op: 'eq' | 'neq'; operand: SegmentScalar }
  | { op: 'gt' | 'gte' | 'lt' | 'lte'; operand: number | string }
  | { op: 'contains' | 'notContains' | 'startsWith' | 'endsWith'; operand: string }
  | { op: 'in'; operand: SegmentScalar[] }
  | { op: 'exists'; operand: boolean }

/** Ops that hold where their positive twin does not hold, also when the value is missing. */
export const negatedOps: Partial<Record<SegmentFilterOp, SegmentFilterOp>> = { neq: 'eq', notContains: 'contains' }

/**
 * Finds the one op a validated filter or attribute condition carries.
 *
 * @example
 * comparisonOf({ property: 'total', gt: 50 }) // { op: 'gt', operand: 50 }
 */
export function comparisonOf(condition: SegmentComparison): OpAndOperand {
  const record = condition as Record<string, unknown>
  const op = segmentFilterOps.find((candidate) => record[candidate] !== undefined)
  if (op === undefined)
    throw new Error('a comparison without an op reached the evaluator: validate with the protocol schema first')
  return { op, operand: record[op] } as OpAndOperand
}
