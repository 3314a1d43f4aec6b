import { z } from 'zod'
import { plainText } from '@sillage/protocol'

/** Query string of `GET /v1/segments/:id/contacts`. */
export const segmentMembersQuerySchema = z.object({
  limit: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(1000, 'must be at most 1000')
    .default(100),
  cursor: plainText().min(1).max(512).optional(),
})

/** Query string of `GET /v1/segments/:id/explain`. */
export const segmentExplainQuerySchema = z.object({
  contactId: plainText('is required: the id of the contact to explain').min(1, 'must not be empty').max(255),
})
