import type { ApiOperation, ApiResponse, JsonSchema } from './api-operation.js'
import { toJsonSchema } from './to-json-schema.js'

const securitySchemes = {
  writeKey: {
    type: 'http',
    scheme: 'basic',
    description: 'Basic base64(<write key>:); the key may also come as ?writeKey= (sendBeacon) or in the body.',
  },
  writeKeyQuery: {
    type: 'apiKey',
    in: 'query',
    name: 'writeKey',
    description: 'For sendBeacon, which cannot set headers',
  },
  secretKey: { type: 'http', scheme: 'bearer', description: 'Authorization: Bearer <secret key>' },
  brevoApiKey: { type: 'apiKey', in: 'header', name: 'api-key', description: "The secret key, as Brevo's api-key" },
}

const securityOf: Record<ApiOperation['auth'], Array<Record<string, string[]>>> = {
  // The secret key is accepted wherever a write key is (a trusted server).
  writeKey: [{ writeKey: [] }, { writeKeyQuery: [] }, { secretKey: [] }],
  secretKey: [{ secretKey: [] }],
  brevoApiKey: [{ brevoApiKey: [] }],
  none: [],
}

/** `/v1/contacts/:id` → `/v1/contacts/{id}`. */
export const openApiPath = (honoPath: string) => honoPath.replace(/:(\w+)/g, '{$1}')

/**
 * The OpenAPI 3.1 document of the given operations, generated from the zod schemas the
 * routes validate with, so the reference cannot drift from what the collector accepts.
 *
 * @example
 * const document = openApiDocument({ operations: collectorOperations, version: '0.1.0' })
 */
export function openApiDocument(options: { operations: readonly ApiOperation[]; version: string }): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {}
  for (const operation of options.operations) {
    const path = openApiPath(operation.path)
    paths[path] = { ...paths[path], [operation.method]: describeOperation(operation) }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Sillage collector',
      version: options.version,
      description: 'Ingestion (Segment and Brevo shapes), the read and admin API, and operations endpoints.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    paths,
    components: { securitySchemes },
  }
}

function describeOperation(operation: ApiOperation): Record<string, unknown> {
  const parameters = [...pathParameters(operation.path), ...queryParameters(operation.query)]
  return {
    operationId: operationId(operation),
    tags: [operation.tag],
    summary: operation.summary,
    ...(operation.description ? { description: operation.description } : {}),
    security: securityOf[operation.auth],
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(operation.body ? { requestBody: requestBody(operation.body) } : {}),
    responses: Object.fromEntries(
      Object.entries(operation.responses).map(([status, response]) => [
        status,
        {
          description: response.description,
          ...(response.schema || response.contentType ? { content: responseContent(response) } : {}),
        },
      ]),
    ),
  }
}

/** `get /v1/contacts/:id` → `getV1ContactsId`. */
function operationId(operation: ApiOperation): string {
  const capitalise = (_: string, letter: string = '') => letter.toUpperCase()
  const words = openApiPath(operation.path).replace(/[^A-Za-z0-9]+(\w)?/g, capitalise)
  return `${operation.method}${words}`
}

function responseContent(response: ApiResponse): Record<string, unknown> {
  const media = response.schema ? { schema: toJsonSchema(response.schema, 'output') } : {}
  return { [response.contentType ?? 'application/json']: media }
}

function requestBody(body: NonNullable<ApiOperation['body']>): Record<string, unknown> {
  const generated = toJsonSchema(body.schema, 'input')
  const schema = body.adjust ? body.adjust(generated) : generated
  return {
    required: true,
    ...(body.description ? { description: body.description } : {}),
    // text/plain: what browsers send with sendBeacon or a no-preflight fetch; the body is JSON all the same.
    content: { 'application/json': { schema }, 'text/plain': { schema } },
  }
}

function pathParameters(path: string): unknown[] {
  return [...path.matchAll(/:(\w+)/g)].map((match) => ({
    name: match[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }))
}

function queryParameters(query: ApiOperation['query']): unknown[] {
  if (!query) return []
  const schema = toJsonSchema(query, 'input')
  const required = new Set((schema.required as string[] | undefined) ?? [])
  return Object.entries((schema.properties as Record<string, JsonSchema>) ?? {}).map(([name, property]) => ({
    name,
    in: 'query',
    required: required.has(name),
    schema: property,
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
  }))
}
