import { createMiddleware } from 'hono/factory'
import type { CollectorEnv } from '../../collector-env.js'
import { ApiError } from '../../errors/api-error.js'

export interface IngestionCorsOptions {
  /** Origins allowed to send events from a browser, e.g. `https://shop.example`; `*` allows any. */
  allowedOrigins: readonly string[]
}

/**
 * CORS for the browser ingestion routes, preflight included. The allow-list is enforced
 * on the server too: a beacon (`text/plain`, no preflight) from an origin not on the
 * list is refused with 403 rather than silently stored. Requests without `Origin`
 * (server libraries, curl) are not browser requests and pass.
 *
 * @example
 * app.use('/v1/batch', ingestionCors({ allowedOrigins: ['https://shop.example'] }))
 */
export function ingestionCors(options: IngestionCorsOptions) {
  const anyOrigin = options.allowedOrigins.includes('*')
  const allowed = new Set(options.allowedOrigins.map((origin) => origin.replace(/\/+$/, '').toLowerCase()))
  return createMiddleware<CollectorEnv>(async function applyIngestionCors(c, next) {
    const origin = c.req.header('Origin')
    if (!origin) {
      if (c.req.method === 'OPTIONS') return c.body(null, 204, { Allow: 'POST, OPTIONS' })
      return next()
    }
    if (!anyOrigin && !allowed.has(origin.toLowerCase())) {
      throw new ApiError(
        403,
        'origin_not_allowed',
        `Origin ${origin} may not send events; add it to --allowed-origins.`,
      )
    }
    const corsHeaders: Record<string, string> = {
      'Access-Control-Allow-Origin': anyOrigin ? '*' : origin,
      // The tracker reads Retry-After on 429/503 to back off.
      'Access-Control-Expose-Headers': 'Retry-After',
      ...(anyOrigin ? {} : { Vary: 'Origin' }),
    }
    if (c.req.method === 'OPTIONS') {
      return c.body(null, 204, {
        ...corsHeaders,
        'Access-Control-Allow-Methods': 'POST, OPTIONS',
        'Access-Control-Allow-Headers': allowedRequestHeaders(c.req.header('Access-Control-Request-Headers')),
        'Access-Control-Max-Age': '86400',
      })
    }
    await next()
    for (const [name, value] of Object.entries(corsHeaders)) c.res.headers.set(name, value)
  })
}

/** What our own tracker and server-style clients send; answered when a preflight names none. */
const baseRequestHeaders = 'Content-Type, Content-Encoding, Authorization'

/**
 * The headers the preflight asks for, all of them: the browser libraries add their own
 * (analytics.js 2.0 `X-Retry-Count` on a retry, RudderStack `AnonymousId`, `SentAt` and
 * `RSA-Retry-*`), and refusing one makes the browser drop the event unsent. A list would
 * protect nothing: any HTTP client can send these headers, CORS only guards the visitor.
 */
function allowedRequestHeaders(requested: string | undefined): string {
  const names = (requested ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name))
  return names.length > 0 ? names.join(', ') : baseRequestHeaders
}
