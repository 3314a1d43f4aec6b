import { z } from 'zod'
import { eventTypes } from '@sillage/protocol'

// The collector's answers, as zod schemas so the OpenAPI document can carry them; the
// conformance test checks real answers against the document, so these cannot drift either.

const instant = z.string().meta({ description: 'ISO-8601 date-time, UTC' })
const object = z.record(z.string(), z.unknown())

export const errorResponseSchema = z.object({
  error: z.object({
    code: z.string().meta({ description: 'Stable, machine-readable: invalid_batch, unauthorized, rate_limited…' }),
    message: z.string().meta({ description: 'What was wrong and what to do, for a person' }),
    issues: z.array(z.unknown()).optional(),
  }),
})

export const batchResponseSchema = z.object({
  accepted: z.int().min(0).meta({ description: 'Events stored by this request' }),
  duplicates: z.int().min(0).meta({ description: 'Events an earlier request stored: acknowledged, not stored twice' }),
  rejected: z.array(z.object({ index: z.int().min(0), messageId: z.string().nullable(), errors: z.array(z.string()) })),
})

export const storedEventSchema = z.object({
  messageId: z.string(),
  type: z.enum(eventTypes),
  name: z.string(),
  contactId: z.string(),
  anonymousId: z.string().nullable(),
  userId: z.string().nullable(),
  email: z.string().nullable(),
  properties: object,
  context: object,
  timestamp: instant,
  originalTimestamp: instant,
  sentAt: instant.nullable(),
  receivedAt: instant,
  identity: z.enum(['anonymous', 'identified', 'unverified']),
})

export const eventPageSchema = z.object({
  events: z.array(storedEventSchema),
  nextCursor: z.string().nullable().meta({ description: 'Pass as cursor for the next (older) page; null on the last' }),
})

export const contactSchema = z.object({
  id: z.string(),
  userId: z.string().nullable(),
  email: z.string().nullable(),
  anonymousIds: z.array(z.string()),
  attributes: object,
  createdAt: instant,
  updatedAt: instant,
  mergedFrom: z.array(z.string()).meta({ description: 'Ids of contacts merged into this one; they resolve here' }),
  summaries: z.array(z.object({ name: z.string(), count: z.int().min(1), first: instant, last: instant })),
})

export const contactListPageSchema = z.object({
  contacts: z.array(
    z.object({
      id: z.string(),
      userId: z.string().nullable(),
      email: z.string().nullable(),
      anonymousId: z.string().nullable().meta({ description: 'One of its devices, to name an anonymous contact' }),
      createdAt: instant,
      updatedAt: instant,
      eventCount: z.int().min(0),
      lastSeen: instant.nullable().meta({ description: 'Its newest event; null without events' }),
    }),
  ),
  nextCursor: z.string().nullable().meta({ description: 'Pass as cursor for the next page; null on the last' }),
})

/** A contact's profile: the contact and the segments it is a member of. */
export const contactDetailSchema = contactSchema.extend({
  segments: z.array(z.object({ id: z.string(), name: z.string(), enteredAt: instant })),
})

export const healthSchema = z.object({ status: z.enum(['ok', 'unavailable']), store: z.enum(['ok', 'unavailable']) })
