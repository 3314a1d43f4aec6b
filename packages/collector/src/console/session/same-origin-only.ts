import { createMiddleware } from 'hono/factory'
import type { CollectorEnv } from '../../collector-env.js'
import { ApiError } from '../../errors/api-error.js'
import { requestOrigin } from './request-origin.js'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Refuses a state-changing request (sign-in, sign-out, erase) that a page of another
 * origin made the browser send. Browsers put `Origin` on every POST, so a POST
 * without it did not come from the console's own forms either.
 *
 * @example
 * app.use('*', sameOriginOnly({ trustProxy: false }))
 */
export function sameOriginOnly(options: { trustProxy: boolean }) {
  return createMiddleware<CollectorEnv>(async function refuseCrossOrigin(c, next) {
    if (SAFE_METHODS.has(c.req.method)) return next()
    const origin = c.req.header('Origin')
    const expected = requestOrigin(c, options)
    if (!origin || origin !== expected) {
      const seen = origin ? `from ${origin}` : 'without an Origin header'
      throw new ApiError(
        403,
        'cross_origin',
        `Refused a ${c.req.method} ${seen}: console forms are accepted only from ${expected}. ` +
          'Reload the page and retry.',
      )
    }
    return next()
  })
}
