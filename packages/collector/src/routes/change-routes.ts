import { Hono } from 'hono'
import { formatIssues } from '@sillage/protocol'
import type { CollectorEnv } from '../collector-env.js'
import { ApiError } from '../errors/api-error.js'
import { waitForChanges } from '../feed/wait-for-changes.js'
import { secretKeyAuth } from '../middleware/auth/index.js'
import { changeQuerySchema } from './read-queries.js'
import type { RouteDeps } from './route-deps.js'

/**
 * The change feed over HTTP, behind the secret key: `GET /v1/changes?after&limit&wait`,
 * oldest first, long-polling up to `wait` seconds for a first change (less when the process stops).
 *
 * @example
 * app.route('/', changeRoutes(deps))
 */
export function changeRoutes(deps: Pick<RouteDeps, 'store' | 'secretKey' | 'shutdown'>): Hono<CollectorEnv> {
  const app = new Hono<CollectorEnv>()
  app.use('/v1/changes', secretKeyAuth(deps))
  app.get('/v1/changes', async (c) => {
    const parsed = changeQuerySchema.safeParse(c.req.query())
    if (!parsed.success) {
      const issues = formatIssues(parsed.error.issues)
      throw new ApiError(400, 'invalid_query', `Invalid query: ${issues.join('; ')}`, { issues })
    }
    const { after, limit, wait } = parsed.data
    const page = await waitForChanges(deps.store, {
      ...(after === undefined ? {} : { after }),
      limit,
      waitMs: wait * 1000,
      signal: AbortSignal.any([c.req.raw.signal, deps.shutdown]),
    })
    return c.json(page)
  })
  return app
}
