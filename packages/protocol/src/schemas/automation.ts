import { z } from 'zod'
import { boundedText } from './bounded-text.js'
import { plainText } from './common.js'
import { type AutomationStep, automationStepSchema } from './automation-step.js'
import { automationTriggerSchema } from './automation-trigger.js'

/** Most steps one automation may hold, counting those inside branches. */
export const MAX_AUTOMATION_STEPS = 200

/** Deepest nesting of `waitFor` and `if` branches. */
export const MAX_AUTOMATION_DEPTH = 10

/**
 * When a trigger may start another run for a contact: `after-exit` unless one is still
 * going, `always`, or `never` (once per contact, ever).
 */
export const reentrySchema = z.enum(['after-exit', 'always', 'never'], {
  error: 'must be "after-exit" (the default), "always" or "never"',
})

function countSteps(steps: AutomationStep[], depth: number): { steps: number; depth: number } {
  let total = { steps: steps.length, depth }
  for (const step of steps) {
    if (!('then' in step)) continue
    for (const branch of [step.then, step.else]) {
      const inner = countSteps(branch, depth + 1)
      total = { steps: total.steps + inner.steps, depth: Math.max(total.depth, inner.depth) }
    }
  }
  return total
}

/** What `POST /v1/automations` and `PUT /v1/automations/:id` take. */
export const automationBodySchema = z
  .strictObject({
    name: boundedText({ whenMissing: 'needs a name, e.g. "Abandoned cart"', max: 200 }),
    description: plainText('must be a string').max(2000, 'must be at most 2000 characters').optional(),
    enabled: z.boolean({ error: 'must be true or false' }).default(true),
    reentry: reentrySchema.default('after-exit'),
    trigger: automationTriggerSchema,
    steps: z
      .array(automationStepSchema, { error: 'needs an array of steps, e.g. [{"webhook": {"endpoint": "wh_…"}}]' })
      .min(1, 'needs at least one step'),
  })
  .superRefine((automation, context) => {
    const size = countSteps(automation.steps, 1)
    const tooBig = (message: string) => context.addIssue({ code: 'custom', path: ['steps'], message })
    if (size.steps > MAX_AUTOMATION_STEPS) tooBig(`holds ${size.steps} steps, the limit is ${MAX_AUTOMATION_STEPS}`)
    if (size.depth > MAX_AUTOMATION_DEPTH) {
      tooBig(`nests branches ${size.depth} deep, the limit is ${MAX_AUTOMATION_DEPTH}`)
    }
  })

export type AutomationBodyInput = z.input<typeof automationBodySchema>
export type AutomationBody = z.output<typeof automationBodySchema>
