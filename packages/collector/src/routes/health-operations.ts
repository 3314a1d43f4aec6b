import type { ApiOperation } from '../openapi/api-operation.js'
import { healthSchema } from '../openapi/response-schemas.js'

/** `/healthz` and `/metrics`: public, counts only. */
export const healthOperations: ApiOperation[] = [
  {
    method: 'get',
    path: '/healthz',
    tag: 'Operations',
    summary: 'Health for load balancers',
    auth: 'none',
    responses: {
      200: { description: 'The collector and its store answer', schema: healthSchema },
      503: { description: 'The store does not answer', schema: healthSchema },
    },
  },
  {
    method: 'get',
    path: '/metrics',
    tag: 'Operations',
    summary: 'Prometheus metrics: requests, events accepted/duplicate/rejected, ingest latency, store errors',
    auth: 'none',
    responses: { 200: { description: 'Prometheus text format 0.0.4', contentType: 'text/plain' } },
  },
]
