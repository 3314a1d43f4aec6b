import { z } from 'zod'
import { MAX_NAME_LENGTH } from '../limits.js'
import { attributesObject, dateTime, identifier, jsonObject } from './common.js'

/** Identifiers of Brevo's Events API (every one its SDK can send); at least one is required. */
export const brevoIdentifiersSchema = z
  .object({
    email_id: z.string().trim().email('must be an email address').optional(),
    ext_id: identifier.optional(),
    contact_id: identifier.optional(),
    phone_id: identifier.optional(),
    landline_number_id: identifier.optional(),
    whatsapp_id: identifier.optional(),
  })
  .refine(
    (ids) => Object.values(ids).some(Boolean),
    'needs at least one of email_id, ext_id, contact_id, phone_id, landline_number_id, whatsapp_id',
  )

/** One event of Brevo's `POST /v3/events`. */
export const brevoEventSchema = z.object({
  event_name: z
    .string({ error: 'event_name is required' })
    .min(1, 'must not be empty')
    .max(MAX_NAME_LENGTH, `must be at most ${MAX_NAME_LENGTH} characters`)
    .regex(/^[A-Za-z0-9_-]+$/, 'may hold only letters, digits, "_" and "-"'),
  event_date: dateTime.optional(),
  identifiers: brevoIdentifiersSchema,
  contact_properties: attributesObject.optional(),
  event_properties: jsonObject.optional(),
  /** The object record (subscription, vehicle…) the event is about, in Brevo's shape. */
  object: jsonObject.optional(),
})

export type BrevoEventInput = z.input<typeof brevoEventSchema>
export type BrevoEvent = z.output<typeof brevoEventSchema>
