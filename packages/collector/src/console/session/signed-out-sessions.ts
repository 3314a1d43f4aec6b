/**
 * Ids of sessions signed out before they expired. The cookie is signed, not stored, so
 * without this list a copy of it taken before sign-out would keep working until it
 * expires. Kept in memory: a restart (or another collector behind the same load
 * balancer) forgets it, and the token's own expiry still bounds the risk.
 *
 * @example
 * const signedOut = signedOutSessions()
 * signedOut.add(claims, now)
 * signedOut.has(claims.id) // true until claims.expiresAt
 */
export function signedOutSessions() {
  const expiryById = new Map<string, number>()
  return {
    add(claims: { id: string; expiresAt: number }, now: Date): void {
      for (const [id, expiresAt] of expiryById) if (expiresAt <= now.getTime()) expiryById.delete(id)
      expiryById.set(claims.id, claims.expiresAt)
    },
    has: (id: string): boolean => expiryById.has(id),
  }
}

export type SignedOutSessions = ReturnType<typeof signedOutSessions>
