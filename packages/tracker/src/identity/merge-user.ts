/** What `identify` remembers about the visitor. */
export interface User {
  userId?: string | undefined
  email?: string | undefined
  userHash?: string | undefined
}

/**
 * Combines an `identify` call with the stored identity. The same person accumulates ids
 * (email first, userId at sign-up); a different userId, or a different email where no
 * userId is known, is another person on a shared computer and replaces everything.
 * Without a new `userHash`, the stored one is kept only while the id it signs (userId,
 * else email) is unchanged.
 *
 * @example
 * mergeUser({ email: 'a@x.io' }, { userId: '42' }) // { email: 'a@x.io', userId: '42' }
 * mergeUser({ userId: '42', email: 'a@x.io' }, { userId: '7' }) // { userId: '7' }
 */
export function mergeUser(stored: User, next: User): User {
  const { userId, email } = stored
  const anotherPerson = userId ? next.userId && next.userId != userId : next.email && email && next.email != email && !next.userId
  const merged = anotherPerson ? next : { userId: next.userId || userId, email: next.email || email }
  merged.userHash = next.userHash || ((merged.userId || merged.email) == (userId || email) ? stored.userHash : undefined)
  return merged
}
