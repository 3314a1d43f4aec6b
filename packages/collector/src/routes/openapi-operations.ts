import type { ApiOperation } from '../openapi/api-operation.js'

/** `GET /openapi.json`, this document itself. */
export const openApiOperations: ApiOperation[] = [
  {
    method: 'get',
    path: '/openapi.json',
    tag: 'Operations',
    summary: 'This API as an OpenAPI 3.1 document',
    auth: 'none',
    responses: { 200: { description: 'The document', contentType: 'application/json' } },
  },
]
