import { COOKIELESS_ANONYMOUS_ID, cookielessId } from './cookieless-id.js'

export interface CookielessRequest {
  /** The salt of the day the request arrived on; absent, `$cookieless` cannot be replaced. */
  salt: string | undefined
  source: string
  /** The full address the event is attributed to (a server library's `context.ip`, else the request's). */
  address: string | null
  userAgent: string | null
}

export type AnonymousIdResult = { ok: true; anonymousId: string | null } | { ok: false; error: string }

/**
 * The anonymousId to file an event under: as sent, except the cookieless tracker's
 * `$cookieless`, which becomes the visitor's id for the day (`cookielessId`).
 *
 * @example
 * cookielessAnonymousId('$cookieless', { salt, source: 'wk_shop', address: '203.0.113.7', userAgent })
 * // { ok: true, anonymousId: 'cl_…' }
 */
export function cookielessAnonymousId(anonymousId: string | null, request: CookielessRequest): AnonymousIdResult {
  if (anonymousId !== COOKIELESS_ANONYMOUS_ID) return { ok: true, anonymousId }
  const { salt, source, address, userAgent } = request
  if (salt === undefined) {
    return { ok: false, error: 'anonymousId: "$cookieless" is not accepted on this route; send a real anonymousId' }
  }
  return { ok: true, anonymousId: cookielessId({ salt, source, address, userAgent }) }
}
