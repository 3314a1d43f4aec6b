import { Hono } from 'hono'
import type { CollectorEnv } from '../collector-env.js'
import { ingestionCors } from '../middleware/cors/index.js'
import type { RouteDeps } from './route-deps.js'

/** Where analytics.js 2.0 posts its own usage counters: `/m` under the API host it is given. */
export const libraryMetricsPath = '/v1/m'

/**
 * `POST /v1/m`: analytics.js 2.0 reports counters about itself (calls made, plugin
 * errors) to its API host every 30 s. They are about Segment's library, not the
 * visitor, so nothing is kept; the 204 keeps a 404 out of every visitor's console.
 * The origin allow-list still applies, as on every route a page posts to.
 *
 * @example
 * app.route('/', libraryMetricsRoute(deps))
 */
export function libraryMetricsRoute(deps: Pick<RouteDeps, 'allowedOrigins'>): Hono<CollectorEnv> {
  const app = new Hono<CollectorEnv>()
  app.use(libraryMetricsPath, ingestionCors({ allowedOrigins: deps.allowedOrigins }))
  app.post(libraryMetricsPath, (c) => c.body(null, 204))
  return app
}
