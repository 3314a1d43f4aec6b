import { z } from 'zod'
import type { ApiOperation } from '../openapi/api-operation.js'
import { refusals } from '../openapi/refusals.js'
import {
  contactDetailSchema,
  contactListPageSchema,
  contactSchema,
  eventPageSchema,
} from '../openapi/response-schemas.js'
import { contactsQuerySchema, eventQuerySchema } from './read-queries.js'

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
    summary: 'List contacts, newest activity first, or find them by one of email, userId, anonymousId',
    description:
      'With email, userId or anonymousId: the matching contacts. Without: every contact, one page of `limit` at a ' +
      'time, newest activity (last event, else creation) first, each with its events count and last seen.',
    auth: 'secretKey',
    query: contactsQuerySchema,
    responses: {
      200: {
        description: 'The matching contacts, or one page of the list',
        schema: z.union([z.object({ contacts: z.array(contactSchema) }), contactListPageSchema]),
      },
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
