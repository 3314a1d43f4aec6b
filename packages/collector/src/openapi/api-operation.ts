import type { z } from 'zod'

/** A JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1) as plain data. */
export type JsonSchema = { [keyword: string]: unknown }

/** How a route is authenticated; each is a security scheme of the OpenAPI document. */
export type ApiAuth = 'writeKey' | 'secretKey' | 'brevoApiKey' | 'none'

export interface ApiResponse {
  description: string
  /** The body's shape; none for 204/304 and for bodies that are not JSON. */
  schema?: z.ZodType
  /** Default `application/json` when there is a schema. */
  contentType?: string
}

export interface ApiRequestBody {
  /** The zod schema the route validates the body with: the document is generated from it. */
  schema: z.ZodType
  description?: string
  /** For what zod cannot say about the body as sent (e.g. a property the path implies). */
  adjust?: (schema: JsonSchema) => JsonSchema
}

/**
 * One route as the API reference and `GET /openapi.json` describe it. Each route module
 * lists its own operations next to its routes (e.g. `routes/read-operations.ts`), and
 * `collectorOperations` gathers those lists: a new module adds its file and one line there.
 */
export interface ApiOperation {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete'
  /** Hono's syntax: `/v1/contacts/:id`. */
  path: string
  /** Groups operations in the document (`Ingestion`, `Read and admin`…). */
  tag: string
  summary: string
  description?: string
  auth: ApiAuth
  /** The zod object the route parses its query string with. */
  query?: z.ZodType
  body?: ApiRequestBody
  responses: Record<number, ApiResponse>
}
