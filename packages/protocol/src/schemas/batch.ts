import { z } from 'zod'
import { MAX_BATCH_EVENTS } from '../limits.js'
import { dateTime, jsonObject, orNull } from './common.js'

/**
 * The envelope of `POST /v1/batch`. Events are left `unknown` here on purpose: each is
 * validated on its own with `segmentEventSchema`, so one bad event does not sink the rest.
 */
export const batchEnvelopeSchema = z.object({
  batch: z
    .array(z.unknown(), { error: 'batch must be an array of events' })
    .max(MAX_BATCH_EVENTS, `batch must hold at most ${MAX_BATCH_EVENTS} events`),
  sentAt: orNull(dateTime),
  context: orNull(jsonObject),
  writeKey: orNull(z.string()),
  integrations: orNull(jsonObject),
})

export type BatchEnvelope = z.output<typeof batchEnvelopeSchema>
