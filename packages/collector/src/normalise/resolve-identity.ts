import type { IdentityStatus } from '@sillage/protocol'
import { isValidUserHash } from '../identity/user-hash.js'

export interface IdentityClaims {
  anonymousId: string | null
  userId: string | null
  email: string | null
  /** `context.userHash`, as sent. */
  userHash: unknown
}

export type ResolvedIdentity =
  | { ok: true; anonymousId: string | null; userId: string | null; email: string | null; identity: IdentityStatus }
  | { ok: false; error: string }

/**
 * Decides how far an event's identity claims can be trusted (docs/identity.md). With an
 * identity secret set, a userId/email from a public write key counts only with a valid
 * user hash; otherwise the event is `unverified` and the store files it under its
 * anonymousId alone. Secret-key and Brevo calls come from the site owner's servers and
 * are trusted as they are. An event left without any usable identifier is refused.
 *
 * @example
 * resolveIdentity({ anonymousId: 'a1', userId: 'u1', email: null, userHash: undefined }, { identitySecret: 's', trusted: false })
 * // { ok: true, identity: 'unverified', anonymousId: 'a1', userId: 'u1', email: null }
 */
export function resolveIdentity(
  claims: IdentityClaims,
  options: { identitySecret?: string | undefined; trusted: boolean },
): ResolvedIdentity {
  const { anonymousId, userId, email } = claims
  if (!userId && !email) {
    if (!anonymousId) return { ok: false, error: noIdentifier }
    return { ok: true, anonymousId, userId, email, identity: 'anonymous' }
  }
  const needsHash = Boolean(options.identitySecret) && !options.trusted
  if (needsHash && !isValidUserHash(options.identitySecret!, (userId ?? email)!, claims.userHash)) {
    if (!anonymousId) {
      return {
        ok: false,
        error: `context.userHash: missing or wrong for ${userId ? 'userId' : 'email'} "${userId ?? email}", and there is no anonymousId to file the event under; compute the hash on your server with the identity secret`,
      }
    }
    return { ok: true, anonymousId, userId, email, identity: 'unverified' }
  }
  return { ok: true, anonymousId, userId, email, identity: 'identified' }
}

const noIdentifier =
  'anonymousId: no usable identifier; anonymousId, userId and email are missing or placeholder values such as "null" or "anonymous"'
