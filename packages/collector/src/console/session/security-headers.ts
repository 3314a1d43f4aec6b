import { createMiddleware } from 'hono/factory'
import type { CollectorEnv } from '../../collector-env.js'

/**
 * Scripts and styles only from the console's own files (no inline script, so an injected
 * `<script>` in an event property cannot run), forms only to itself, never framed.
 */
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ')

/**
 * Headers on every console answer: the CSP above, no framing, no MIME sniffing, no
 * referrer leaking contact ids to other sites, and pages never cached (they hold
 * personal data; assets set their own cache headers).
 *
 * @example
 * app.use('*', securityHeaders())
 */
export function securityHeaders() {
  return createMiddleware<CollectorEnv>(async function setConsoleSecurityHeaders(c, next) {
    await next()
    c.res.headers.set('Content-Security-Policy', CONSOLE_CSP)
    c.res.headers.set('X-Frame-Options', 'DENY')
    c.res.headers.set('X-Content-Type-Options', 'nosniff')
    c.res.headers.set('Referrer-Policy', 'same-origin')
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store')
  })
}
