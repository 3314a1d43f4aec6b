import { z } from 'zod'
import type { ApiOperation } from '../openapi/api-operation.js'
import { refusals } from '../openapi/refusals.js'
import { changeQuerySchema } from './read-queries.js'

export const changeSchema = z.object({
  cursor: z.string(),
  type: z.enum([
    'event.stored',
    'contact.created',
    'contact.merged',
    'contact.updated',
    'contact.erased',
    'segment.entered',
    'segment.exited',
  ]),
  at: z.string(),
  contactId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).nullable(),
})

/** The change feed: what each commit changed, in commit order. */
export const changeOperations: ApiOperation[] = [
  {
    method: 'get',
    path: '/v1/changes',
    tag: 'Read and admin',
    summary: 'The change feed: every committed change once, oldest first',
    description:
      'Follow nextCursor as `after` to see each committed change exactly once, in commit order, also with ' +
      'several collectors on one PostgreSQL database. With `wait` (seconds, at most 30) the request waits for a ' +
      'first change after the cursor.',
    auth: 'secretKey',
    query: changeQuerySchema,
    responses: {
      200: {
        description: 'The changes after the cursor',
        schema: z.object({ changes: z.array(changeSchema), nextCursor: z.string().nullable() }),
      },
      ...refusals(400, 401, 503),
    },
  },
]
