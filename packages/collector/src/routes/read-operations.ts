import { z } from 'zod'
import type { ApiOperation } from '../openapi/api-operation.js'
import { refusals } from '../openapi/refusals.js'
import { contactDetailSchema, contactSchema, eventPageSchema } from '../openapi/response-schemas.js'
import { contactLookupSchema, eventQuerySchema } from './read-queries.js'

const tag = 'Read and admin'

/** The read and admin API, behind the secret key. */
export const readOperations: ApiOperation[] = [
  {
    method: 'get',
    path: '/v1/events',
    tag,
    summary: 'The event log, newest first',
    auth: 'secretKey',
    query: eventQuerySchema,
    responses: { 200: { description: 'One page of events', schema: eventPageSchema }, ...refusals(400, 401, 503) },
  },
  {
    method: 'get',
    path: '/v1/contacts',
    tag,
    summary: 'Find contacts by exactly one of email, userId, anonymousId',
    auth: 'secretKey',
    query: contactLookupSchema,
    responses: {
      200: { description: 'The matching contacts', schema: z.object({ contacts: z.array(contactSchema) }) },
      ...refusals(400, 401, 503),
    },
  },
  {
    method: 'get',
    path: '/v1/contacts/:id',
    tag,
    summary: 'A contact with its per-event-name summaries and its segments',
    description: 'The id of a contact merged into another answers with the surviving contact.',
    auth: 'secretKey',
    responses: { 200: { description: 'The contact', schema: contactDetailSchema }, ...refusals(401, 404, 503) },
  },
  {
    method: 'get',
    path: '/v1/contacts/:id/events',
    tag,
    summary: "A contact's timeline, newest first",
    auth: 'secretKey',
    query: eventQuerySchema,
    responses: { 200: { description: 'One page of events', schema: eventPageSchema }, ...refusals(400, 401, 404, 503) },
  },
  {
    method: 'delete',
    path: '/v1/contacts/:id',
    tag,
    summary: 'Erase a contact, its identities, summaries and events',
    auth: 'secretKey',
    responses: { 204: { description: 'Erased' }, ...refusals(401, 404, 503) },
  },
]
