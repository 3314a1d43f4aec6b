import { z } from 'zod'
import { segmentDefinitionSchema, segmentPreviewSchema } from '@sillage/protocol'
import type { ApiOperation } from '../openapi/api-operation.js'
import { refusals } from '../openapi/refusals.js'
import { segmentMembersQuerySchema, segmentExplainQuerySchema } from './segment-definition-queries.js'

const tag = 'Segments'
const instant = z.string().meta({ description: 'ISO-8601 date-time, UTC' })

const segmentSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  match: z.record(z.string(), z.unknown()).meta({ description: 'The condition (docs/segments.md)' }),
  size: z.int().min(0).meta({ description: 'Members right now' }),
  status: z.enum(['computing', 'ready']).meta({ description: 'computing: still going over the stored history' }),
  progress: z.number().min(0).max(1).meta({ description: 'Share of contacts the computation has done' }),
  computedAt: instant.nullable(),
  createdAt: instant,
  updatedAt: instant,
})

const sampleContactSchema = z.object({ id: z.string(), email: z.string().nullable(), userId: z.string().nullable() })

const saved = { description: 'The segment, computing over the stored history', schema: segmentSchema }

/** Saved segments: definitions, members, previews and explanations. */
export const segmentDefinitionOperations: ApiOperation[] = [
  {
    method: 'post',
    path: '/v1/segments',
    tag,
    summary: 'Create a segment',
    description:
      'Its members are computed over all stored history in the background (status computing, progress), then ' +
      'kept current as events arrive. A reference to an unknown segment, or one that closes a loop, is refused.',
    auth: 'secretKey',
    body: { schema: segmentDefinitionSchema },
    responses: { 201: saved, ...refusals(400, 401, 413, 415, 503) },
  },
  {
    method: 'get',
    path: '/v1/segments',
    tag,
    summary: 'Every segment, oldest first',
    auth: 'secretKey',
    responses: {
      200: { description: 'The segments', schema: z.object({ segments: z.array(segmentSchema) }) },
      ...refusals(401, 503),
    },
  },
  {
    method: 'post',
    path: '/v1/segments/preview',
    tag,
    summary: 'How many contacts a condition matches now, without saving it',
    auth: 'secretKey',
    body: { schema: segmentPreviewSchema },
    responses: {
      200: {
        description: 'The number of matching contacts and a few of them',
        schema: z.object({ size: z.int().min(0), sample: z.array(sampleContactSchema) }),
      },
      ...refusals(400, 401, 413, 415, 503),
    },
  },
  {
    method: 'get',
    path: '/v1/segments/:id',
    tag,
    summary: 'One segment',
    auth: 'secretKey',
    responses: { 200: { description: 'The segment', schema: segmentSchema }, ...refusals(401, 404, 503) },
  },
  {
    method: 'put',
    path: '/v1/segments/:id',
    tag,
    summary: 'Replace a segment’s name, description and condition',
    description: 'A changed segment is computed again over the stored history; members stay until it is done.',
    auth: 'secretKey',
    body: { schema: segmentDefinitionSchema },
    responses: { 200: saved, ...refusals(400, 401, 404, 413, 415, 503) },
  },
  {
    method: 'delete',
    path: '/v1/segments/:id',
    tag,
    summary: 'Delete a segment and its memberships',
    description: 'Refused (409) while another segment refers to it.',
    auth: 'secretKey',
    responses: { 204: { description: 'Deleted' }, ...refusals(401, 404, 409, 503) },
  },
  {
    method: 'get',
    path: '/v1/segments/:id/contacts',
    tag,
    summary: 'The members of a segment, in contact-id order',
    auth: 'secretKey',
    query: segmentMembersQuerySchema,
    responses: {
      200: {
        description: 'One page of members',
        schema: z.object({
          contacts: z.array(sampleContactSchema.extend({ enteredAt: instant })),
          nextCursor: z.string().nullable().meta({ description: 'Pass as cursor for the next page; null on the last' }),
        }),
      },
      ...refusals(400, 401, 404, 503),
    },
  },
  {
    method: 'get',
    path: '/v1/segments/:id/explain',
    tag,
    summary: 'Why a contact is in or out of a segment',
    description: 'Each condition of the match at its path, whether it holds, and the evidence: counts, times, events.',
    auth: 'secretKey',
    query: segmentExplainQuerySchema,
    responses: {
      200: {
        description: 'Membership now and the evidence per condition',
        schema: z.object({
          member: z.boolean(),
          conditions: z.array(
            z.object({ path: z.string(), holds: z.boolean(), evidence: z.record(z.string(), z.unknown()) }),
          ),
        }),
      },
      ...refusals(400, 401, 404, 503),
    },
  },
]
