import type { Context } from 'hono'
import type { CollectorEnv } from '../collector-env.js'
import { clientAddress } from '../normalise/client-address.js'
import type { RequestFacts } from '../normalise/request-facts.js'
import type { RouteDeps } from './route-deps.js'

/**
 * The per-request facts the normalisers stamp on every event: who sent it (after
 * auth), when it arrived, and from which address and user agent.
 */
export function requestFactsOf(c: Context<CollectorEnv>, deps: Pick<RouteDeps, 'trustProxy' | 'now'>): RequestFacts {
  return {
    source: c.var.source,
    trusted: c.var.trusted,
    receivedAt: deps.now(),
    ip: clientAddress(c, { trustProxy: deps.trustProxy }),
    userAgent: c.req.header('User-Agent') ?? null,
  }
}
