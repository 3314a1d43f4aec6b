import { z } from 'zod'
import { MAX_NAME_LENGTH } from '../limits.js'
import { boundedText } from './bounded-text.js'
import { eventFiltersSchema, segmentConditionSchema } from './segment-condition.js'
import { automationEventNameSchema } from './automation-trigger.js'
import { durationSchema } from './duration.js'
import { templateSchema } from './template.js'
import { webhookEndpointIdSchema } from './webhook-endpoint.js'

type EventFilter = z.output<typeof eventFiltersSchema>[number]
type SegmentCondition = z.output<typeof segmentConditionSchema>

/**
 * One step of an automation. After a `waitFor` or an `if`, the run follows the branch
 * taken, then goes on with the steps after it; `exit` ends the run wherever it is.
 */
export type AutomationStep =
  | { delay: string }
  | {
      waitFor: { event: string; where?: EventFilter[] }
      timeout: string
      then: AutomationStep[]
      else: AutomationStep[]
    }
  | { if: SegmentCondition; then: AutomationStep[]; else: AutomationStep[] }
  | { webhook: { endpoint: string; payload?: unknown } }
  | { setAttribute: { name: string; value: unknown } }
  | { exit: string }

/** Attributes that say who the contact is: identity resolution owns them, not automations. */
export const IDENTITY_ATTRIBUTES = ['email', 'userId', 'identified']

const branch = z.lazy(() => z.array(automationStepSchema, { error: 'must be an array of steps' }).default([]))

const stepSchemas = {
  delay: z.strictObject({ delay: durationSchema }),
  waitFor: z.strictObject({
    waitFor: z.strictObject({ event: automationEventNameSchema, where: eventFiltersSchema.optional() }),
    timeout: durationSchema,
    then: branch,
    else: branch,
  }),
  if: z.strictObject({ if: segmentConditionSchema, then: branch, else: branch }),
  webhook: z.strictObject({
    webhook: z.strictObject({ endpoint: webhookEndpointIdSchema, payload: templateSchema.optional() }),
  }),
  setAttribute: z.strictObject({
    setAttribute: z.strictObject({
      name: boundedText({ whenMissing: 'needs the name of the attribute to set', max: MAX_NAME_LENGTH }).refine(
        (name) => !IDENTITY_ATTRIBUTES.includes(name),
        'is part of who the contact is; automations cannot set it',
      ),
      value: templateSchema,
    }),
  }),
  exit: z.strictObject({
    exit: boundedText({ whenMissing: 'needs a reason, e.g. "converted"', max: 100 }),
  }),
}

const STEP_KINDS = Object.keys(stepSchemas) as (keyof typeof stepSchemas)[]

/**
 * A step, recognised by the key that names it (`{"delay": "2h"}`), so a mistake is
 * reported against that step's own fields rather than as "matches none of six shapes".
 */
export const automationStepSchema: z.ZodType<AutomationStep> = z.unknown().transform((step, context) => {
  const isObject = step !== null && typeof step === 'object' && !Array.isArray(step)
  const kinds = isObject ? STEP_KINDS.filter((kind) => Object.hasOwn(step, kind)) : []
  if (kinds.length !== 1) {
    const message =
      kinds.length === 0
        ? `must be a step: an object with one of ${STEP_KINDS.join(', ')}`
        : `holds both "${kinds[0]}" and "${kinds[1]}": write one step per object`
    context.addIssue({ code: 'custom', message })
    return z.NEVER
  }
  const result = stepSchemas[kinds[0]!].safeParse(step)
  if (result.success) return result.data as AutomationStep
  for (const issue of result.error.issues) context.addIssue({ ...issue, code: 'custom' })
  return z.NEVER
}) as unknown as z.ZodType<AutomationStep>
