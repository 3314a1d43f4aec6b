import { z } from 'zod'
import { eventTypes, plainText } from '@sillage/protocol'
import type { ContactLookup } from '../stores/store.js'

const instant = plainText()
  .refine((value) => !Number.isNaN(Date.parse(value)), 'must be an ISO-8601 date-time such as 2026-01-31T12:00:00Z')
  .transform((value) => new Date(value).toISOString())

/** Query string of `GET /v1/events` and `GET /v1/contacts/:id/events` (docs/api.md). */
export const eventQuerySchema = z.object({
  contactId: plainText().min(1).max(255).optional(),
  name: plainText().min(1).max(255).optional(),
  type: z.enum(eventTypes, { error: `must be one of ${eventTypes.join(', ')}` }).optional(),
  since: instant.optional(),
  until: instant.optional(),
  limit: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(1000, 'must be at most 1000')
    .default(100),
  cursor: plainText().min(1).max(512).optional(),
})

/** `GET /v1/contacts?email=|userId=|anonymousId=`: exactly one lookup key. */
export const contactLookupSchema = z
  .object({
    email: plainText().trim().min(1).toLowerCase().optional(),
    userId: plainText().trim().min(1).optional(),
    anonymousId: plainText().trim().min(1).optional(),
  })
  .refine((query) => Object.values(query).filter(Boolean).length === 1, 'pass exactly one of email, userId, anonymousId')
  .transform(({ email, userId, anonymousId }): ContactLookup =>
    email ? { email } : userId ? { userId } : { anonymousId: anonymousId! },
  )

/** Query string of `GET /v1/changes`. */
export const changeQuerySchema = z.object({
  after: plainText().min(1).max(512).optional(),
  limit: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(1000, 'must be at most 1000')
    .default(100),
  wait: z.coerce.number({ error: 'must be a number of seconds' }).min(0, 'must be at least 0').max(30, 'must be at most 30 (seconds)').default(0),
})
