import type { ApiOperation } from '../openapi/api-operation.js'
import { refusals } from '../openapi/refusals.js'

/** `GET /sillage.js`, the tracker for the script tag. */
export const trackerScriptOperations: ApiOperation[] = [
  {
    method: 'get',
    path: '/sillage.js',
    tag: 'Tracker',
    summary: "The tracker's script-tag build, cached 5 minutes with an ETag",
    auth: 'none',
    responses: {
      200: { description: 'The script', contentType: 'text/javascript' },
      304: { description: 'Not modified (If-None-Match)' },
      ...refusals(404),
    },
  },
]
