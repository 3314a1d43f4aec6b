import { createMiddleware } from 'hono/factory'
import type { CollectorEnv } from '../../collector-env.js'
import { ApiError } from '../../errors/api-error.js'
import { isSecretKey } from './is-secret-key.js'

export interface WriteKeyAuthOptions {
  writeKeys: readonly string[]
  secretKey: string
}

/** De-duplication source of calls made with the secret key (trusted server-side calls). */
export const SECRET_KEY_SOURCE = 'api'

/**
 * Authenticates Segment-style ingestion with any one of `Authorization: Basic
 * base64(writeKey:)`, `?writeKey=` (sendBeacon cannot set headers) or `writeKey` in
 * the body, read by `jsonBody()` before this runs. The secret key works wherever a
 * write key does. Sets `c.var.source` to the key used, or `api` for the secret key.
 *
 * @example
 * app.post('/v1/batch', jsonBody(), writeKeyAuth({ writeKeys: ['wk_1'], secretKey }), handler)
 */
export function writeKeyAuth(options: WriteKeyAuthOptions) {
  const writeKeys = new Set(options.writeKeys)
  return createMiddleware<CollectorEnv>(async function authenticateWriteKey(c, next) {
    const key = basicAuthKey(c.req.header('Authorization')) ?? c.req.query('writeKey') ?? bodyWriteKey(c.var.body)
    if (!key) {
      throw new ApiError(
        401,
        'unauthorized',
        'Missing write key: send Authorization: Basic base64(<writeKey>:), ?writeKey= or "writeKey" in the body.',
      )
    }
    // Write keys first: they are public (every page holds one), so a plain lookup leaks
    // nothing, and the hashing constant-time check is paid only by server calls.
    if (writeKeys.has(key)) {
      c.set('source', key)
      c.set('trusted', false)
    } else if (isSecretKey(key, options.secretKey)) {
      c.set('source', SECRET_KEY_SOURCE)
      c.set('trusted', true)
    } else {
      throw new ApiError(
        401,
        'unauthorized',
        'Unknown write key: use one of the keys the collector printed on start (--write-keys).',
      )
    }
    await next()
  })
}

/** Segment sends the key as the Basic user name; some clients put it in the password. */
function basicAuthKey(header: string | undefined): string | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '')
  if (!match) return undefined
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8')
  const separator = decoded.indexOf(':')
  const [user, password] = separator < 0 ? [decoded, ''] : [decoded.slice(0, separator), decoded.slice(separator + 1)]
  return user || password || undefined
}

function bodyWriteKey(body: unknown): string | undefined {
  if (body === null || typeof body !== 'object' || !('writeKey' in body)) return undefined
  return typeof body.writeKey === 'string' && body.writeKey ? body.writeKey : undefined
}
