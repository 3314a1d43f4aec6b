import type { ApiResponse } from './api-operation.js'
import { errorResponseSchema } from './response-schemas.js'

const meanings: Record<number, string> = {
  400: 'The request is not what the route takes; the message says what to fix',
  401: 'Missing or unknown key',
  403: 'A browser Origin outside --allowed-origins',
  404: 'Nothing there',
  409: 'Conflicts with what is stored; the message says what stands in the way',
  413: 'Over a size limit',
  415: 'A body type other than JSON, text/plain or gzip',
  429: 'Rate limited: retry after Retry-After seconds',
  503: 'The store is unavailable, nothing was stored: retry after Retry-After seconds',
}

/**
 * The error answers of an operation, all in the `{"error": {code, message, issues?}}` shape.
 *
 * @example
 * responses: { 200: { description: 'The contact', schema: contactSchema }, ...refusals(400, 401, 404) }
 */
export function refusals(...statuses: number[]): Record<number, ApiResponse> {
  return Object.fromEntries(
    statuses.map((status) => [status, { description: meanings[status] ?? 'Refused', schema: errorResponseSchema }]),
  )
}
