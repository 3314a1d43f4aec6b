import { aliasEventSchema, batchEnvelopeSchema, groupEventSchema, identifyEventSchema } from '@sillage/protocol'
import { pageEventSchema, screenEventSchema, segmentEventSchema, trackEventSchema } from '@sillage/protocol'
import type { ApiOperation, JsonSchema } from '../openapi/api-operation.js'
import { refusals } from '../openapi/refusals.js'
import { batchResponseSchema } from '../openapi/response-schemas.js'
import { toJsonSchema } from '../openapi/to-json-schema.js'

const ingestionRefusals = refusals(400, 401, 403, 413, 415, 429, 503)
const accepted = {
  description: 'Every accepted event is committed; invalid ones are listed in rejected[]',
  schema: batchResponseSchema,
}

/** The batch's events are validated one by one with the event schema: the document says so. */
const eventsOfTheBatch = (schema: JsonSchema): JsonSchema => {
  const properties = schema.properties as Record<string, JsonSchema>
  const eventSchema = toJsonSchema(segmentEventSchema, 'input')
  return { ...schema, properties: { ...properties, batch: { ...properties.batch, items: eventSchema } } }
}

/** On `/v1/track` and its siblings the path gives the type: the body may leave it out. */
const typeImplied = (schema: JsonSchema): JsonSchema => ({
  ...schema,
  required: (schema.required as string[] | undefined)?.filter((name) => name !== 'type'),
})

const single = {
  track: trackEventSchema,
  page: pageEventSchema,
  identify: identifyEventSchema,
  alias: aliasEventSchema,
  group: groupEventSchema,
  screen: screenEventSchema,
}

const batchOperation = (path: string, summary: string): ApiOperation => ({
  method: 'post',
  path,
  tag: 'Ingestion',
  summary,
  description:
    'Up to 2,500 events and 500 KB (after gzip) per request, 32 KB per event. Invalid events are rejected one ' +
    'by one, the others stored; events already stored (same source and messageId) count as duplicates.',
  auth: 'writeKey',
  body: { schema: batchEnvelopeSchema, adjust: eventsOfTheBatch },
  responses: { 200: accepted, ...ingestionRefusals },
})

/**
 * `POST /v1/batch` and the single-event routes of the Segment HTTP Tracking API, and the
 * paths the Segment and RudderStack browser libraries post the same bodies to.
 */
export const segmentOperations: ApiOperation[] = [
  batchOperation('/v1/batch', 'Send a batch of events (Segment HTTP Tracking API)'),
  batchOperation('/v1/b', 'Send a batch of events (analytics.js 2.0 when it batches)'),
  batchOperation('/beacon/v1/batch', 'Send a batch of events (RudderStack beacon, writeKey in the query)'),
  ...Object.entries(single).flatMap(([type, schema]): ApiOperation[] =>
    [
      [`/v1/${type}`, `Send one ${type} event`],
      [`/v1/${type[0]}`, `Send one ${type} event (analytics.js 2.0's path)`],
    ].map(([path, summary]) => ({
      method: 'post',
      path: path!,
      tag: 'Ingestion',
      summary: summary!,
      auth: 'writeKey',
      body: { schema, adjust: typeImplied },
      responses: { 200: accepted, ...ingestionRefusals },
    })),
  ),
  {
    method: 'post',
    path: '/v1/m',
    tag: 'Ingestion',
    summary: "analytics.js 2.0's counters about itself: answered, not kept",
    auth: 'none',
    responses: { 204: { description: 'Nothing is kept' }, ...refusals(403) },
  },
]
