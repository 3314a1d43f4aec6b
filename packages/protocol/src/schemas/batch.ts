import { z } from 'zod'
import { MAX_BATCH_EVENTS } from '../limits.js'
import { dateTime, jsonObject } from './common.js'

/**
 * The envelope of `POST /v1/batch`. Events are left `unknown` here on purpose: each is
 * validated on its own with `segmentEventSchema`, so one bad event does not sink the rest.
 */
export const batchEnvelopeSchema = z.object({
  batch: z
    .array(z.unknown(), { error: 'batch must be an array of events' })
    .max(MAX_BATCH_EVENTS, `batch must hold at most ${MAX_BATCH_EVENTS} events`),
  sentAt: dateTime.optional(),
  context: jsonObject.optional(),
  writeKey: z.string().optional(),
  integrations: jsonObject.optional(),
})

export type BatchEnvelope = z.output<typeof batchEnvelopeSchema>
