import type { Context } from 'hono'
import type { z } from 'zod'
import { formatIssues } from '@sillage/protocol'
import type { CollectorEnv } from '../collector-env.js'
import { ApiError } from '../errors/api-error.js'

/**
 * The query string parsed with `schema`, or a 400 that lists each problem.
 *
 * @example
 * const { status } = parseQuery(c, deliveryQuerySchema)
 */
export function parseQuery<Schema extends z.ZodType>(c: Context<CollectorEnv>, schema: Schema): z.output<Schema> {
  const result = schema.safeParse(c.req.query())
  if (result.success) return result.data
  const issues = formatIssues(result.error.issues)
  throw new ApiError(400, 'invalid_query', `Invalid query: ${issues.join('; ')}`, { issues })
}

/**
 * The JSON body (read by the `jsonBody` middleware) parsed with `schema`, or a 400 that
 * names what it describes and lists each problem.
 *
 * @example
 * const body = parseBody(c, automationBodySchema, 'automation')
 */
export function parseBody<Schema extends z.ZodType>(
  c: Context<CollectorEnv>,
  schema: Schema,
  what: string,
): z.output<Schema> {
  const result = schema.safeParse(c.var.body)
  if (result.success) return result.data
  const issues = formatIssues(result.error.issues)
  throw new ApiError(400, 'invalid_body', `Invalid ${what}: ${issues.join('; ')}`, { issues })
}

// Routes answer 404 without asking the store for an id no store could hold.
export { isPossibleId } from '../stores/possible-id.js'
