import { z } from 'zod'
import { DELIVERY_STATUSES } from '../webhooks/delivery-state.js'
import { recordPageQuery } from './record-page.js'

/** A webhook endpoint as read back: its headers are never shown, its secret only when made or rotated. */
export const webhookEndpointSchema = z.strictObject({
  id: z.string(),
  url: z.string(),
  description: z.string().nullable(),
  enabled: z.boolean(),
  createdAt: z.string(),
})

/** What `POST /v1/webhooks` and `POST /v1/webhooks/:id/rotate-secret` answer: the endpoint and its new secret. */
export const webhookEndpointWithSecretSchema = webhookEndpointSchema.extend({ secret: z.string() })

/** An automation as stored: its definition, its id and its times. */
export const automationSchema = z
  .object({ id: z.string(), name: z.string(), createdAt: z.string(), updatedAt: z.string() })
  .catchall(z.unknown())

/** One run of an automation for one contact, with the outcome of every step it took. */
export const runSchema = z.strictObject({
  id: z.string(),
  automationId: z.string(),
  contactId: z.string(),
  status: z.enum(['active', 'waiting', 'exited', 'failed']),
  exitReason: z.string().nullable(),
  startedAt: z.string(),
  log: z.array(z.strictObject({ at: z.string(), step: z.string(), outcome: z.string() })),
})

/** One webhook message and its attempts. */
export const deliverySchema = z.strictObject({
  id: z.string(),
  webhookId: z.string(),
  endpoint: z.string(),
  automation: z.string().nullable(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.array(
    z.strictObject({
      at: z.string(),
      status: z.number().nullable(),
      durationMs: z.number(),
      error: z.string().optional(),
    }),
  ),
  nextAttemptAt: z.string().nullable(),
})

/** `?status&endpoint&automation` of `GET /v1/deliveries`. */
export const deliveryQuerySchema = z.strictObject({
  status: z.enum(DELIVERY_STATUSES, { error: `must be ${DELIVERY_STATUSES.join(', ')}` }).optional(),
  endpoint: z.string().max(100).optional(),
  automation: z.string().max(100).optional(),
  ...recordPageQuery,
})

/** `?limit&cursor` of `GET /v1/automations` and `GET /v1/webhooks`. */
export const pageQuerySchema = z.strictObject(recordPageQuery)

/** `?contactId&status` of `GET /v1/automations/:id/runs`; `GET /v1/contacts/:id/runs` takes `status`. */
export const runQuerySchema = z.strictObject({
  contactId: z.string().max(255).optional(),
  status: z
    .enum(['active', 'waiting', 'exited', 'failed'], { error: 'must be active, waiting, exited or failed' })
    .optional(),
  ...recordPageQuery,
})
