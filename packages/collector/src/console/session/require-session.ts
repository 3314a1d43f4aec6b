import { createMiddleware } from 'hono/factory'
import type { CollectorEnv } from '../../collector-env.js'
import type { ConsoleDeps } from '../console-deps.js'
import { sessionCookie } from './session-cookie.js'
import { readSessionToken, type SessionClaims } from './session-token.js'

/**
 * The claims of the request's console session, or null: a missing, forged, expired or
 * signed-out cookie all count as no session.
 *
 * @example
 * const session = currentSession(c, deps)
 */
export function currentSession(
  c: Parameters<typeof sessionCookie.get>[0],
  deps: Pick<ConsoleDeps, 'secretKey' | 'now' | 'signedOut'>,
): SessionClaims | null {
  const claims = readSessionToken(sessionCookie.get(c), { secretKey: deps.secretKey, now: deps.now() })
  return claims && !deps.signedOut.has(claims.id) ? claims : null
}

/**
 * Sends a visitor without a valid session to the sign-in page, remembering where they
 * were going (GET only: a form posted without a session is not replayed).
 *
 * @example
 * app.use('*', requireSession(deps))
 */
export function requireSession(deps: Pick<ConsoleDeps, 'secretKey' | 'now' | 'signedOut'>) {
  return createMiddleware<CollectorEnv>(async function requireConsoleSession(c, next) {
    if (currentSession(c, deps)) return next()
    const url = new URL(c.req.url)
    const next_ = c.req.method === 'GET' ? `?next=${encodeURIComponent(url.pathname + url.search)}` : ''
    return c.redirect(`/console/sign-in${next_}`, 303)
  })
}
