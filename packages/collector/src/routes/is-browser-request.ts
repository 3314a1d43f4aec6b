import type { Context } from 'hono'
import type { CollectorEnv } from '../collector-env.js'

/**
 * Whether a request comes from a web page: browsers put an `Origin` header on every
 * cross-origin request and on every POST (beacons included), and a page cannot remove
 * it. Server libraries send none. A request made with the secret key is a server's,
 * whatever it claims: that key never belongs in a page.
 *
 * @example
 * isBrowserRequest(c) // true for the tracker, false for analytics-node
 */
export function isBrowserRequest(c: Context<CollectorEnv>): boolean {
  if (c.var.trusted) return false
  const origin = c.req.header('Origin')
  return origin !== undefined && origin !== ''
}
