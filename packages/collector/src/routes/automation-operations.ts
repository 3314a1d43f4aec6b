import { z } from 'zod'
import { automationBodySchema, webhookEndpointBodySchema, webhookEndpointChangeSchema } from '@sillage/protocol'
import type { ApiOperation } from '../openapi/api-operation.js'
import { refusals } from '../openapi/refusals.js'
import {
  automationSchema,
  deliveryQuerySchema,
  deliverySchema,
  pageQuerySchema,
  runQuerySchema,
  runSchema,
  webhookEndpointSchema,
  webhookEndpointWithSecretSchema,
} from './automation-schemas.js'

const tag = 'Automations and webhooks'
const auth = 'secretKey' as const
const nextCursor = z.string().nullable().meta({ description: 'Pass as cursor for the next page; null on the last' })
const runs = { description: 'Runs, newest first', schema: z.strictObject({ runs: z.array(runSchema), nextCursor }) }
const deleted = { description: 'Deleted' }

/** Automations, their runs, webhook endpoints and deliveries, behind the secret key. */
export const automationOperations: ApiOperation[] = [
  {
    method: 'post',
    path: '/v1/automations',
    tag,
    summary: 'Create an automation',
    auth,
    body: { schema: automationBodySchema },
    responses: {
      201: { description: 'The automation', schema: automationSchema },
      ...refusals(400, 401, 413, 415, 503),
    },
  },
  {
    method: 'get',
    path: '/v1/automations',
    tag,
    summary: 'Every automation, newest first, a page at a time',
    auth,
    query: pageQuerySchema,
    responses: {
      200: {
        description: 'The automations',
        schema: z.strictObject({ automations: z.array(automationSchema), nextCursor }),
      },
      ...refusals(400, 401, 503),
    },
  },
  {
    method: 'get',
    path: '/v1/automations/:id',
    tag,
    summary: 'One automation',
    auth,
    responses: { 200: { description: 'The automation', schema: automationSchema }, ...refusals(401, 404, 503) },
  },
  {
    method: 'put',
    path: '/v1/automations/:id',
    tag,
    summary: 'Replace an automation; its runs follow the new steps from their next one',
    auth,
    body: { schema: automationBodySchema },
    responses: {
      200: { description: 'The automation', schema: automationSchema },
      ...refusals(400, 401, 404, 413, 415, 503),
    },
  },
  {
    method: 'delete',
    path: '/v1/automations/:id',
    tag,
    summary: 'Delete an automation',
    auth,
    responses: { 204: deleted, ...refusals(401, 404, 503) },
  },
  {
    method: 'get',
    path: '/v1/automations/:id/runs',
    tag,
    summary: "An automation's runs, by contact and status",
    auth,
    query: runQuerySchema,
    responses: { 200: runs, ...refusals(400, 401, 404, 503) },
  },
  {
    method: 'get',
    path: '/v1/contacts/:id/runs',
    tag,
    summary: "A contact's runs of every automation",
    auth,
    query: runQuerySchema.omit({ contactId: true }),
    responses: { 200: runs, ...refusals(400, 401, 404, 503) },
  },
  {
    method: 'post',
    path: '/v1/webhooks',
    tag,
    summary: 'Create a webhook endpoint; its signing secret is shown this once',
    auth,
    body: { schema: webhookEndpointBodySchema },
    responses: {
      201: { description: 'The endpoint and its secret', schema: webhookEndpointWithSecretSchema },
      ...refusals(400, 401, 413, 415, 503),
    },
  },
  {
    method: 'get',
    path: '/v1/webhooks',
    tag,
    summary: 'Every webhook endpoint, newest first, a page at a time (never their headers or secrets)',
    auth,
    query: pageQuerySchema,
    responses: {
      200: {
        description: 'The endpoints',
        schema: z.strictObject({ webhooks: z.array(webhookEndpointSchema), nextCursor }),
      },
      ...refusals(400, 401, 503),
    },
  },
  {
    method: 'get',
    path: '/v1/webhooks/:id',
    tag,
    summary: 'One webhook endpoint',
    auth,
    responses: { 200: { description: 'The endpoint', schema: webhookEndpointSchema }, ...refusals(401, 404, 503) },
  },
  {
    method: 'patch',
    path: '/v1/webhooks/:id',
    tag,
    summary: 'Change a webhook endpoint: url, description, headers, or enabled (on again after a 410)',
    auth,
    body: { schema: webhookEndpointChangeSchema },
    responses: { 200: { description: 'The endpoint', schema: webhookEndpointSchema }, ...refusals(400, 401, 404, 503) },
  },
  {
    method: 'delete',
    path: '/v1/webhooks/:id',
    tag,
    summary: 'Delete a webhook endpoint; its pending messages end as endpoint-deleted',
    auth,
    responses: { 204: deleted, ...refusals(401, 404, 503) },
  },
  {
    method: 'post',
    path: '/v1/webhooks/:id/rotate-secret',
    tag,
    summary: 'A new signing secret; the old one keeps signing alongside for 24 hours',
    auth,
    responses: {
      200: { description: 'The endpoint and its new secret', schema: webhookEndpointWithSecretSchema },
      ...refusals(401, 404, 503),
    },
  },
  {
    method: 'get',
    path: '/v1/deliveries',
    tag,
    summary: 'Webhook messages and their attempts, newest first',
    auth,
    query: deliveryQuerySchema,
    responses: {
      200: {
        description: 'The messages',
        schema: z.strictObject({ deliveries: z.array(deliverySchema), nextCursor }),
      },
      ...refusals(400, 401, 503),
    },
  },
  {
    method: 'post',
    path: '/v1/deliveries/:id/replay',
    tag,
    summary: 'Send a message again, with a fresh schedule and the same webhook-id',
    auth,
    responses: {
      202: { description: 'Due again at once', schema: deliverySchema },
      ...refusals(401, 404, 409, 503),
    },
  },
]
