import type { Context, MiddlewareHandler } from 'hono'
import type { CollectorEnv } from '../collector-env.js'
import { rateLimit } from '../middleware/rate-limit/index.js'
import { serverLane } from '../middleware/server-lane/index.js'
import { clientAddress } from '../normalise/client-address.js'
import { isBrowserRequest } from './is-browser-request.js'
import type { RouteDeps } from './route-deps.js'

/**
 * The ingestion limits, per source key and client address (a write key is shared by
 * every visitor of a site, so limiting per key alone would throttle a busy site for one
 * noisy client):
 * - browser requests (with an `Origin`) get a token bucket and a 429 past it, which the
 *   tracker retries later from its durable queue;
 * - server requests (no `Origin`, or the secret key) are never refused for their rate:
 *   a burst waits its turn in the server lane, because server libraries drop a batch
 *   after a few quick retries of a 429.
 * `rateLimit: false` turns the browser limit off; `serverLane: false` the lane.
 */
export function rateLimitFor(
  deps: Pick<RouteDeps, 'rateLimit' | 'serverLane' | 'trustProxy'>,
): MiddlewareHandler<CollectorEnv> {
  const keyOf = (c: Context<CollectorEnv>) =>
    `${c.var.source}|${clientAddress(c, { trustProxy: deps.trustProxy }) ?? 'unknown'}`
  const pass: MiddlewareHandler<CollectorEnv> = async (_c, next) => next()
  const browser = deps.rateLimit === false ? pass : rateLimit({ keyOf, ...deps.rateLimit })
  const server = deps.serverLane === false ? pass : serverLane({ keyOf, ...deps.serverLane })
  return async function limitIngestion(c, next) {
    return isBrowserRequest(c) ? browser(c, next) : server(c, next)
  }
}
