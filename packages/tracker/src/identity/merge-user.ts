/** What `identify` remembers about the visitor. */
export interface User {
  userId?: string | undefined
  email?: string | undefined
  userHash?: string | undefined
}

/**
 * Combines an `identify` call with the stored identity, as Segment does: a call with
 * another userId than the stored one is another person (a shared computer) and replaces
 * everything; otherwise the ids given replace their stored values and the others stay.
 * (A stored `userHash` that no longer matches its id makes the collector mark events
 * `unverified`: never a false claim.)
 *
 * @example
 * mergeUser({ email: 'a@x.io' }, { userId: '42' }) // { userId: '42', email: 'a@x.io' }
 * mergeUser({ userId: '42', email: 'a@x.io' }, { userId: '7' }) // { userId: '7' }
 */
export function mergeUser(stored: User, next: User): User {
  return next.userId && stored.userId && next.userId != stored.userId
    ? next
    : {
        userId: next.userId || stored.userId,
        email: next.email || stored.email,
        userHash: next.userHash || stored.userHash,
      }
}
