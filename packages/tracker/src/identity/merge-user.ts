/** What `identify` remembers about the visitor. */
export interface User {
  userId?: string
  email?: string
  userHash?: string
}

const signed = (user: User) => user.userId || user.email

/**
 * Combines an `identify` call with the stored identity. The same person accumulates ids
 * (email first, userId at sign-up); a different userId, or a different email where no userId
 * is known, is another person on a shared computer and replaces everything. A stored
 * `userHash` is kept only while the id it signs (userId, else email) is unchanged.
 *
 * @example
 * mergeUser({ email: 'a@x.io' }, { userId: '42' }) // { email: 'a@x.io', userId: '42' }
 * mergeUser({ userId: '42', email: 'a@x.io' }, { userId: '7' }) // { userId: '7' }
 */
export function mergeUser(stored: User, next: User): User {
  const anotherPerson =
    next.userId && stored.userId
      ? next.userId != stored.userId
      : !stored.userId && !next.userId && !!next.email && !!stored.email && next.email != stored.email
  const merged: User = anotherPerson ? { ...next } : { ...stored, ...next }
  if (!next.userHash && signed(merged) != signed(stored)) delete merged.userHash
  return merged
}
