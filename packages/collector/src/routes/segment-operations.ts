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

/** `POST /v1/batch` and the single-event routes of the Segment HTTP Tracking API. */
export const segmentOperations: ApiOperation[] = [
  {
    method: 'post',
    path: '/v1/batch',
    tag: 'Ingestion',
    summary: 'Send a batch of events (Segment HTTP Tracking API)',
    description:
      'Up to 2,500 events and 500 KB (after gzip) per request, 32 KB per event. Invalid events are rejected one ' +
      'by one, the others stored; events already stored (same source and messageId) count as duplicates.',
    auth: 'writeKey',
    body: { schema: batchEnvelopeSchema, adjust: eventsOfTheBatch },
    responses: { 200: accepted, ...ingestionRefusals },
  },
  ...Object.entries(single).map(
    ([type, schema]): ApiOperation => ({
      method: 'post',
      path: `/v1/${type}`,
      tag: 'Ingestion',
      summary: `Send one ${type} event`,
      auth: 'writeKey',
      body: { schema, adjust: typeImplied },
      responses: { 200: accepted, ...ingestionRefusals },
    }),
  ),
]
