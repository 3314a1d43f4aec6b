import { z } from 'zod'
import { MAX_NAME_LENGTH } from '../limits.js'
import { plainText } from './common.js'
import {
  comparisonShape,
  requireOneOp,
  segmentFilterSchema,
  type SegmentComparison,
  type SegmentFilter,
} from './segment-filter.js'
import {
  segmentDurationSchema,
  segmentTimeWindowSchema,
  type SegmentDuration,
  type SegmentTimeWindow,
} from './segment-time.js'

/** A comparison of a count: exactly one of `eq, neq, gt, gte, lt, lte`. */
export type SegmentCountComparison =
  | { eq: number }
  | { neq: number }
  | { gt: number }
  | { gte: number }
  | { lt: number }
  | { lte: number }

/** When the first or last matching event happened: `{within: "5d"}` (less than 5 days ago) or `{before: "14d"}`. */
export type SegmentOccurrence = { within: SegmentTimeWindow } | { before: SegmentDuration }

export interface SegmentEventCondition {
  event: string
  where?: SegmentFilter[]
  count?: SegmentCountComparison
  within?: SegmentTimeWindow
  first?: SegmentOccurrence
  last?: SegmentOccurrence
}

export interface SegmentSequenceStep {
  event: string
  where?: SegmentFilter[]
}

export interface SegmentSequenceCondition {
  sequence: SegmentSequenceStep[]
  within?: SegmentTimeWindow
}

/** A test on a contact attribute; `email`, `userId` and `identified` are attributes too. */
export type SegmentAttributeCondition = { attribute: string } & SegmentComparison

export interface SegmentReferenceCondition {
  segment: string
}

export type SegmentCondition =
  | { all: SegmentCondition[] }
  | { any: SegmentCondition[] }
  | { not: SegmentCondition }
  | SegmentEventCondition
  | SegmentSequenceCondition
  | SegmentAttributeCondition
  | SegmentReferenceCondition

/** Most conditions a group, filters a `where` and steps a sequence may hold. */
export const MAX_GROUP_CONDITIONS = 50
export const MAX_FILTERS = 20
export const MAX_SEQUENCE_STEPS = 10

const name = (what: string) =>
  plainText(`must be the ${what} as a string`)
    .min(1, 'must not be empty')
    .max(MAX_NAME_LENGTH, `must be at most ${MAX_NAME_LENGTH} characters`)

/** The `where` of an event condition (and of an automation's trigger or `waitFor`): every filter must hold. */
export const eventFiltersSchema = z
  .array(segmentFilterSchema, { error: 'must be an array of filters' })
  .max(MAX_FILTERS, `must hold at most ${MAX_FILTERS} filters`)

const count = z.number({ error: 'must be a number' }).int('must be a whole number').min(0, 'must not be negative')
const countComparison = z
  .strictObject({
    eq: count.optional(),
    neq: count.optional(),
    gt: count.optional(),
    gte: count.optional(),
    lt: count.optional(),
    lte: count.optional(),
  })
  .superRefine((value, context) => {
    const ops = Object.keys(value).filter((op) => value[op as keyof typeof value] !== undefined)
    if (ops.length !== 1)
      context.addIssue({
        code: 'custom',
        message: `count takes exactly one of eq, neq, gt, gte, lt, lte (found ${ops.join(', ') || 'none'})`,
      })
  })

const occurrence = z
  .strictObject({ within: segmentTimeWindowSchema.optional(), before: segmentDurationSchema.optional() })
  .superRefine((value, context) => {
    if ((value.within === undefined) === (value.before === undefined)) {
      context.addIssue({
        code: 'custom',
        message:
          'takes exactly one of within (e.g. "5d": less than 5 days ago) or before (e.g. "14d": more than 14 days ago)',
      })
    }
  })

const eventCondition = z.strictObject({
  event: name('event name'),
  where: eventFiltersSchema.optional(),
  count: countComparison.optional(),
  within: segmentTimeWindowSchema.optional(),
  first: occurrence.optional(),
  last: occurrence.optional(),
})

const sequenceCondition = z.strictObject({
  sequence: z
    .array(z.strictObject({ event: name('event name'), where: eventFiltersSchema.optional() }), {
      error: 'must be an array of steps {event, where?}',
    })
    .min(2, 'needs at least two steps (for one, use an event condition)')
    .max(MAX_SEQUENCE_STEPS, `must hold at most ${MAX_SEQUENCE_STEPS} steps`),
  within: segmentTimeWindowSchema.optional(),
})

const attributeCondition = z
  .strictObject({ attribute: name('attribute name'), ...comparisonShape })
  .superRefine(requireOneOp('an attribute condition'))
  .superRefine((value, context) => {
    if (value.attribute !== 'identified' || value.exists !== undefined) return
    if (typeof (value.eq ?? value.neq) !== 'boolean') {
      context.addIssue({
        code: 'custom',
        message: 'identified is true or false: use eq or neq with a boolean, or exists',
      })
    }
  })

const referenceCondition = z.strictObject({ segment: name('segment id') })

// The recursive parts are checked by hand below, so that each problem keeps its own path.
const groupCondition = {
  all: z.strictObject({
    all: z
      .array(z.lazy(() => segmentConditionSchema))
      .min(1, 'must hold at least one condition')
      .max(MAX_GROUP_CONDITIONS),
  }),
  any: z.strictObject({
    any: z
      .array(z.lazy(() => segmentConditionSchema))
      .min(1, 'must hold at least one condition')
      .max(MAX_GROUP_CONDITIONS),
  }),
  not: z.strictObject({ not: z.lazy(() => segmentConditionSchema) }),
}

const byKey = {
  ...groupCondition,
  event: eventCondition,
  sequence: sequenceCondition,
  attribute: attributeCondition,
  segment: referenceCondition,
} as const

const kinds = Object.keys(byKey) as (keyof typeof byKey)[]

/**
 * One condition of a segment's `match`, told apart by its key (`all`, `any`, `not`, `event`,
 * `sequence`, `attribute`, `segment`); each problem is reported at its own path.
 */
export const segmentConditionSchema: z.ZodType<SegmentCondition> = z
  .unknown()
  .transform((value, context): SegmentCondition => {
    const kind =
      value !== null && typeof value === 'object' && !Array.isArray(value)
        ? kinds.find((key) => key in value)
        : undefined
    if (kind === undefined) {
      context.addIssue({ code: 'custom', message: `must be a condition: an object with one of ${kinds.join(', ')}` })
      return z.NEVER
    }
    const result = byKey[kind].safeParse(value)
    if (result.success) return result.data as SegmentCondition
    for (const issue of result.error.issues) context.addIssue({ ...issue })
    return z.NEVER
  })
