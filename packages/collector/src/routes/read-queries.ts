import { z } from 'zod'
import { eventTypes, plainText } from '@sillage/protocol'
import type { ContactListQuery } from '../contacts/contact-list.js'
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

const lookupKeys = ['email', 'userId', 'anonymousId'] as const

/**
 * `GET /v1/contacts`: `?email=|userId=|anonymousId=` (one of them) finds contacts;
 * without any, `?limit&cursor` lists every contact, newest activity first.
 */
export const contactsQuerySchema = z
  .object({
    email: plainText().trim().min(1).toLowerCase().optional(),
    userId: plainText().trim().min(1).optional(),
    anonymousId: plainText().trim().min(1).optional(),
    limit: z.coerce
      .number({ error: 'must be a number' })
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(1000, 'must be at most 1000')
      .default(50)
      .meta({ description: 'Page size of the list (without a lookup key)' }),
    cursor: plainText().min(1).max(512).optional().meta({ description: 'nextCursor of the previous page of the list' }),
  })
  .refine(
    (query) => lookupKeys.filter((key) => query[key]).length <= 1,
    'pass at most one of email, userId, anonymousId (none lists every contact)',
  )
  .transform(({ email, userId, anonymousId, limit, cursor }): ContactsQuery => {
    if (email) return { lookup: { email } }
    if (userId) return { lookup: { userId } }
    if (anonymousId) return { lookup: { anonymousId } }
    return { list: cursor === undefined ? { limit } : { limit, cursor } }
  })

export type ContactsQuery = { lookup: ContactLookup } | { list: ContactListQuery }

/** Query string of `GET /v1/changes`. */
export const changeQuerySchema = z.object({
  after: plainText().min(1).max(512).optional(),
  limit: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(1000, 'must be at most 1000')
    .default(100),
  wait: z.coerce
    .number({ error: 'must be a number of seconds' })
    .min(0, 'must be at least 0')
    .max(30, 'must be at most 30 (seconds)')
    .default(0),
})
