import { z } from 'zod'
import { MAX_BATCH_EVENTS, brevoEventSchema } from '@sillage/protocol'
import type { ApiOperation } from '../openapi/api-operation.js'
import { refusals } from '../openapi/refusals.js'

/** Brevo's Events API: `POST /v3/events` and `/v3/events/batch`. */
export const brevoOperations: ApiOperation[] = [
  {
    method: 'post',
    path: '/v3/events',
    tag: 'Ingestion',
    summary: "Send one event (Brevo's Events API)",
    auth: 'brevoApiKey',
    body: { schema: brevoEventSchema },
    responses: { 204: { description: 'Stored' }, ...refusals(400, 401, 413, 415, 429, 503) },
  },
  {
    method: 'post',
    path: '/v3/events/batch',
    tag: 'Ingestion',
    summary: "Send a batch of events (Brevo's Events API)",
    description: 'All or nothing: one invalid event answers 400 with the eventIndex of each bad one; none is stored.',
    auth: 'brevoApiKey',
    body: {
      // What Brevo's API and SDK send today, or the bare array of the API's first version.
      schema: z.union([
        z.object({ events: z.array(brevoEventSchema).max(MAX_BATCH_EVENTS) }),
        z.array(brevoEventSchema).max(MAX_BATCH_EVENTS),
      ]),
    },
    responses: {
      202: {
        description: 'Every event is stored',
        schema: z.object({ message: z.string(), count: z.int().min(0) }),
      },
      ...refusals(400, 401, 413, 415, 429, 503),
    },
  },
]
