import type { Context } from 'hono'
import type { CollectorEnv } from '../collector-env.js'
import { clientAddress } from '../normalise/client-address.js'
import type { RequestFacts } from '../normalise/request-facts.js'
import type { RouteDeps } from './route-deps.js'

/**
 * The per-request facts the normalisers stamp on every event: who sent it (after
 * auth), when it arrived, from which address and user agent, and the day's cookieless
 * salt (from memory, but for the first request of a UTC day).
 *
 * @example
 * const facts = await requestFactsOf(c, deps)
 */
export async function requestFactsOf(
  c: Context<CollectorEnv>,
  deps: Pick<RouteDeps, 'trustProxy' | 'now' | 'dailySalts'>,
): Promise<RequestFacts> {
  const receivedAt = deps.now()
  return {
    source: c.var.source,
    trusted: c.var.trusted,
    receivedAt,
    ip: clientAddress(c, { trustProxy: deps.trustProxy }),
    userAgent: c.req.header('User-Agent') ?? null,
    cookielessSalt: await deps.dailySalts.saltAt(receivedAt),
  }
}
