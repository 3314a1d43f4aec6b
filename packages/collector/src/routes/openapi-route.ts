import { createRequire } from 'node:module'
import { Hono } from 'hono'
import type { CollectorEnv } from '../collector-env.js'
import { collectorOperations } from '../openapi/collector-operations.js'
import { openApiDocument } from '../openapi/openapi-document.js'

/** The collector's version, as the document states it (the same path from src/ and dist/). */
const collectorVersion = (createRequire(import.meta.url)('../../package.json') as { version: string }).version

/**
 * `GET /openapi.json`: the API as an OpenAPI 3.1 document, public (it holds no data),
 * generated once on the first request.
 *
 * @example
 * app.route('/', openApiRoute())
 */
export function openApiRoute(): Hono<CollectorEnv> {
  const app = new Hono<CollectorEnv>()
  let document: ReturnType<typeof openApiDocument> | undefined
  app.get('/openapi.json', (c) => {
    document ??= openApiDocument({ operations: collectorOperations, version: collectorVersion })
    return c.json(document, 200, { 'Cache-Control': 'public, max-age=300' })
  })
  return app
}
