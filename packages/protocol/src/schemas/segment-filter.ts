import { z } from 'zod'
import { MAX_NAME_LENGTH } from '../limits.js'
import { plainText } from './common.js'

/** The comparisons a filter or an attribute condition can make, exactly one per condition. */
export const segmentFilterOps = [
  'eq',
  'neq',
  'gt',
  'gte',
  'lt',
  'lte',
  'contains',
  'notContains',
  'startsWith',
  'endsWith',
  'in',
  'exists',
] as const
export type SegmentFilterOp = (typeof segmentFilterOps)[number]

export type SegmentScalar = string | number | boolean

/** One op and its operand, e.g. `{ gt: 50 }`. */
export type SegmentComparison =
  | { eq: SegmentScalar }
  | { neq: SegmentScalar }
  | { gt: number | string }
  | { gte: number | string }
  | { lt: number | string }
  | { lte: number | string }
  | { contains: string }
  | { notContains: string }
  | { startsWith: string }
  | { endsWith: string }
  | { in: SegmentScalar[] }
  | { exists: boolean }

/** `{ property: "data.items.price", gt: 50 }`: a test on an event's properties. */
export type SegmentFilter = { property: string } & SegmentComparison

/** Most values an `in` list may hold. */
export const MAX_IN_VALUES = 500

const scalar = z.union([z.string(), z.number().finite(), z.boolean()], {
  error: 'must be a string, a number or a boolean (to test for a missing value, use exists)',
})
const ordered = z.union([z.number().finite(), z.string()], { error: 'must be a number or a string' })
const text = plainText('must be a string').min(1, 'must not be empty')

/** The operand each op takes. */
export const comparisonShape = {
  eq: scalar.optional(),
  neq: scalar.optional(),
  gt: ordered.optional(),
  gte: ordered.optional(),
  lt: ordered.optional(),
  lte: ordered.optional(),
  contains: text.optional(),
  notContains: text.optional(),
  startsWith: text.optional(),
  endsWith: text.optional(),
  in: z
    .array(scalar, { error: 'must be an array of values' })
    .min(1, 'must list at least one value')
    .max(MAX_IN_VALUES, `must list at most ${MAX_IN_VALUES} values`)
    .optional(),
  exists: z.boolean({ error: 'must be true or false' }).optional(),
}

/**
 * Adds an issue unless the object holds exactly one op; meant for `superRefine`.
 *
 * @example
 * schema.superRefine(requireOneOp('a filter'))
 */
export function requireOneOp(what: string) {
  return (value: Record<string, unknown>, context: z.RefinementCtx) => {
    const ops = segmentFilterOps.filter((op) => value[op] !== undefined)
    if (ops.length === 1) return
    const found = ops.length === 0 ? 'none' : ops.join(', ')
    context.addIssue({
      code: 'custom',
      message: `${what} takes exactly one of ${segmentFilterOps.join(', ')} (found ${found})`,
    })
  }
}

const propertySegment = /^[^."\\]+$/
const propertyPath = plainText('must be a string')
  .min(1, 'must not be empty')
  .max(MAX_NAME_LENGTH, `must be at most ${MAX_NAME_LENGTH} characters`)
  .refine((path) => path.split('.').every((part) => propertySegment.test(part)), {
    message: 'must be a dot path such as "data.items.price": names separated by single dots, without " or \\',
  })

export const segmentFilterSchema = z
  .strictObject({ property: propertyPath, ...comparisonShape })
  .superRefine(requireOneOp('a filter')) as unknown as z.ZodType<SegmentFilter>
