import { createHash } from 'node:crypto'

/** What a cookieless tracker sends as its anonymousId: it keeps nothing on the device to send instead. */
export const COOKIELESS_ANONYMOUS_ID = '$cookieless'

export interface CookielessVisitor {
  /** The salt of the UTC day the event arrived on (see `DailySalts`). */
  salt: string
  /** The write key: the same visitor on two sites is two ids. */
  source: string
  /** The full client address, used here and never stored. */
  address: string | null
  userAgent: string | null
}

/**
 * The anonymousId of a visitor whose tracker keeps nothing on the device, as Plausible
 * counts visitors: a hash of the day's random salt, the site, the address and the user
 * agent. The same visitor is one anonymous contact for the day; once the day's salt is
 * deleted, nobody (the collector's operator included) can link the id to the next day's
 * or back to the address.
 *
 * @example
 * cookielessId({ salt, source: 'wk_shop', address: '203.0.113.7', userAgent: 'Mozilla/5.0 …' }) // 'cl_3q2+7w…'
 */
export function cookielessId(visitor: CookielessVisitor): string {
  const hash = createHash('sha256')
  // Length-prefixed fields: ("ab", "c") and ("a", "bc") never hash alike.
  for (const field of [visitor.salt, visitor.source, visitor.address ?? '', visitor.userAgent ?? '']) {
    hash.update(`${field.length}:${field}`)
  }
  return `cl_${hash.digest('base64url').slice(0, 22)}`
}
