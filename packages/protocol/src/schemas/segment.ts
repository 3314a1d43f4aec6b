import { z } from 'zod'
import { MAX_NAME_LENGTH } from '../limits.js'
import { plainText } from './common.js'
import { segmentConditionSchema, type SegmentCondition } from './segment-condition.js'

/** Deepest nesting of JSON a `match` may have: far beyond any condition a person writes. */
export const MAX_MATCH_DEPTH = 32
export const MAX_DESCRIPTION_LENGTH = 1000

/**
 * A segment's condition, checked for depth before anything walks it recursively, so a
 * maliciously deep document gets a 400 rather than a stack overflow.
 */
export const segmentMatchSchema: z.ZodType<SegmentCondition> = z
  .unknown()
  .superRefine((value, context) => {
    if (jsonDepth(value) > MAX_MATCH_DEPTH)
      context.addIssue({ code: 'custom', message: `is nested more than ${MAX_MATCH_DEPTH} levels deep` })
  })
  .pipe(segmentConditionSchema)

/** The body of `POST /v1/segments` and `PUT /v1/segments/:id`. */
export const segmentDefinitionSchema = z.strictObject({
  name: plainText('must be the segment name as a string')
    .trim()
    .min(1, 'must not be empty')
    .max(MAX_NAME_LENGTH, `must be at most ${MAX_NAME_LENGTH} characters`),
  description: plainText('must be a string')
    .max(MAX_DESCRIPTION_LENGTH, `must be at most ${MAX_DESCRIPTION_LENGTH} characters`)
    .optional(),
  match: segmentMatchSchema,
})

export type SegmentDefinition = z.infer<typeof segmentDefinitionSchema>

/** The body of `POST /v1/segments/preview`. */
export const segmentPreviewSchema = z.strictObject({ match: segmentMatchSchema })

function jsonDepth(root: unknown): number {
  let deepest = 0
  const pending: [unknown, number][] = [[root, 1]]
  while (pending.length > 0) {
    const [value, depth] = pending.pop()!
    if (value === null || typeof value !== 'object') continue
    deepest = Math.max(deepest, depth)
    if (deepest > MAX_MATCH_DEPTH) return deepest
    for (const child of Object.values(value)) pending.push([child, depth + 1])
  }
  return deepest
}
