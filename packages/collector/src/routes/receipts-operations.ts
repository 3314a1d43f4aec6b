import { MAX_BATCH_EVENTS, MAX_MESSAGE_ID_LENGTH } from '@sillage/protocol'
import { z } from 'zod'
import type { ApiOperation } from '../openapi/api-operation.js'
import { refusals } from '../openapi/refusals.js'

/** `POST /v1/receipts`: which events a page sent while unloading were committed. */
export const receiptsOperations: ApiOperation[] = [
  {
    method: 'post',
    path: '/v1/receipts',
    tag: 'Ingestion',
    summary: 'Which of these messageIds of the write key are already stored (or erased)',
    description:
      'What a batch carrying them again would only count as duplicates. The tracker asks it at the first flush ' +
      'of a page for the events an earlier page sent while unloading, instead of sending them again.',
    auth: 'writeKey',
    body: {
      schema: z.object({
        messageIds: z.array(z.string().min(1).max(MAX_MESSAGE_ID_LENGTH)).max(MAX_BATCH_EVENTS),
      }),
    },
    responses: {
      200: { description: 'The stored ones, in the order asked', schema: z.object({ stored: z.array(z.string()) }) },
      ...refusals(400, 401, 403, 413, 415, 429, 503),
    },
  },
]
