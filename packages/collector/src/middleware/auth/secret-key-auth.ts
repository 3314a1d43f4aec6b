import { createMiddleware } from 'hono/factory'
import type { CollectorEnv } from '../../collector-env.js'
import { ApiError } from '../../errors/api-error.js'
import { isSecretKey } from './is-secret-key.js'

/**
 * Guards the read/admin API: `Authorization: Bearer <secret key>`. Write keys are
 * public (they sit in every page), so they never open this door.
 *
 * @example
 * app.use('/v1/contacts/*', secretKeyAuth({ secretKey }))
 */
export function secretKeyAuth(options: { secretKey: string }) {
  return createMiddleware<CollectorEnv>(async function authenticateSecretKey(c, next) {
    const match = /^Bearer\s+(\S+)$/i.exec(c.req.header('Authorization') ?? '')
    if (!match) {
      throw new ApiError(401, 'unauthorized', 'Missing secret key: send Authorization: Bearer <secret key>.')
    }
    if (!isSecretKey(match[1], options.secretKey)) {
      throw new ApiError(
        401,
        'unauthorized',
        'Wrong secret key: use the one the collector printed on start (--secret-key).',
      )
    }
    c.set('source', 'api')
    c.set('trusted', true)
    await next()
  })
}
