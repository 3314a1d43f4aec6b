import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/** How long a console session lasts after sign-in, whatever happens in between. */
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000

export interface SessionClaims {
  /** Random id, so that a signed-out session can be refused before it expires. */
  id: string
  /** Epoch milliseconds after which the token is refused. */
  expiresAt: number
}

/**
 * The signing key is derived from the secret key, not the secret key itself: a leaked
 * cookie then reveals nothing usable against the read API, and changing the secret key
 * signs every console session out.
 */
const signingKey = (secretKey: string) => createHmac('sha256', secretKey).update('sillage console session v1').digest()

const sign = (payload: string, secretKey: string) =>
  createHmac('sha256', signingKey(secretKey)).update(payload).digest('base64url')

/**
 * A session token for the console cookie: `<claims>.<HMAC-SHA256>`, both base64url.
 *
 * @example
 * const token = createSessionToken({ secretKey, now: new Date() })
 * readSessionToken(token, { secretKey, now: new Date() }) // { id, expiresAt }
 */
export function createSessionToken(options: { secretKey: string; now: Date }): string {
  const claims: SessionClaims = {
    id: randomBytes(16).toString('base64url'),
    expiresAt: options.now.getTime() + SESSION_LIFETIME_MS,
  }
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url')
  return `${payload}.${sign(payload, options.secretKey)}`
}

/**
 * The claims of a token this collector signed and that has not expired; null for
 * anything else (absent, malformed, forged, signed with another secret key, expired).
 *
 * @example
 * const claims = readSessionToken(getCookie(c, SESSION_COOKIE), { secretKey, now: deps.now() })
 * if (!claims) return c.redirect('/console/sign-in')
 */
export function readSessionToken(
  token: string | undefined,
  options: { secretKey: string; now: Date },
): SessionClaims | null {
  const [payload, signature, extra] = (token ?? '').split('.')
  if (!payload || !signature || extra !== undefined) return null
  const expected = Buffer.from(sign(payload, options.secretKey))
  const presented = Buffer.from(signature)
  if (expected.length !== presented.length || !timingSafeEqual(expected, presented)) return null
  let claims: unknown
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
  } catch {
    return null
  }
  if (!isClaims(claims) || claims.expiresAt <= options.now.getTime()) return null
  return claims
}

function isClaims(value: unknown): value is SessionClaims {
  if (typeof value !== 'object' || value === null) return false
  const { id, expiresAt } = value as Record<string, unknown>
  return typeof id === 'string' && typeof expiresAt === 'number' && Number.isFinite(expiresAt)
}
