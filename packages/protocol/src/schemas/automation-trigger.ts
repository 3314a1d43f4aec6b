import { z } from 'zod'
import { MAX_NAME_LENGTH } from '../limits.js'
import { boundedText } from './bounded-text.js'
import { eventFiltersSchema } from './segment-condition.js'

/** Most triggers one automation may list. */
export const MAX_AUTOMATION_TRIGGERS = 20

/** An event name as stored (`track` events, Brevo `event_name`), or `"*"` where any event will do. */
export const automationEventNameSchema = boundedText({
  whenMissing: 'needs the name of an event, or "*" for any event',
  max: MAX_NAME_LENGTH,
})

/** Starts a run when the contact does this event (any event for `"*"`) and every filter holds. */
export const eventTriggerSchema = z.strictObject({
  event: automationEventNameSchema,
  where: eventFiltersSchema.optional(),
})

/** Starts a run when the contact enters or leaves this segment. */
export const segmentTriggerSchema = z.strictObject({
  segment: boundedText({ whenMissing: 'needs the id of a segment', max: 100 }),
  on: z.enum(['entered', 'exited'], { error: 'must be "entered" or "exited"' }),
})

const oneTrigger = z.unknown().transform((trigger, context) => {
  const isObject = trigger !== null && typeof trigger === 'object' && !Array.isArray(trigger)
  const kind = isObject ? ['segment', 'event'].find((key) => Object.hasOwn(trigger, key)) : undefined
  const schema = kind === 'segment' ? segmentTriggerSchema : kind === 'event' ? eventTriggerSchema : null
  if (!schema) {
    context.addIssue({
      code: 'custom',
      message: 'must be {"event": NAME, "where"?: [filters]} or {"segment": ID, "on": "entered" | "exited"}',
    })
    return z.NEVER
  }
  const result = schema.safeParse(trigger)
  if (result.success) return result.data
  for (const issue of result.error.issues) context.addIssue({ ...issue, code: 'custom' })
  return z.NEVER
})

const triggerList = z
  .array(oneTrigger)
  .min(1, 'needs at least one trigger')
  .max(MAX_AUTOMATION_TRIGGERS, `may list at most ${MAX_AUTOMATION_TRIGGERS} triggers`)

/** One trigger or several (any of them starts a run); always read back as an array. */
export const automationTriggerSchema = z.unknown().transform((trigger, context) => {
  const result = Array.isArray(trigger) ? triggerList.safeParse(trigger) : triggerList.safeParse([trigger])
  if (result.success) return result.data
  for (const issue of result.error.issues) {
    context.addIssue({ ...issue, code: 'custom', path: Array.isArray(trigger) ? issue.path : issue.path.slice(1) })
  }
  return z.NEVER
})

export type EventTrigger = z.output<typeof eventTriggerSchema>
export type SegmentTrigger = z.output<typeof segmentTriggerSchema>
export type AutomationTrigger = EventTrigger | SegmentTrigger
