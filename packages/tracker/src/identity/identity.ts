import { messageId } from '../event/message-id.js'
import type { KeyValue } from './storage.js'
import { mergeUser, type User } from './merge-user.js'

const PREFIX = 'sillage_'
const ANONYMOUS_ID = PREFIX + 'aid'
const OPTED_OUT = PREFIX + 'optout'
/** Each is kept under its own key (`sillage_userId`…): no parsing of stored JSON. */
const USER_FIELDS = ['userId', 'email', 'userHash'] as const

export interface Identity extends User {
  anonymousId: string
}

/**
 * The visitor's ids, read from storage at each event so that an `identify` or a `reset`
 * in another tab applies here too.
 *
 * @example
 * const identity = createIdentity(createStorage())
 * identity._current() // { anonymousId: '…', userId: '42', email: 'a@x.io' }
 */
export function createIdentity(storage: KeyValue) {
  let written: string | undefined
  const user = () => {
    const stored: User = {}
    for (const field of USER_FIELDS) stored[field] = storage._get(PREFIX + field)
    return stored
  }
  const reset = () => {
    for (const key of [ANONYMOUS_ID, ...USER_FIELDS.map((field) => PREFIX + field)]) storage._del(key)
  }
  return {
    _current(): Identity {
      const anonymousId = storage._get(ANONYMOUS_ID, true) || messageId()
      // Written once per page and id (not per event: a cookie write costs a round trip to the
      // browser's cookie store): creates the id, restores a cleared cookie, renews its expiry.
      if (anonymousId != written) storage._set(ANONYMOUS_ID, (written = anonymousId), true)
      return { ...user(), anonymousId }
    },
    _identify(next: User) {
      const merged = mergeUser(user(), next)
      for (const field of USER_FIELDS) {
        const value = merged[field]
        if (value) storage._set(PREFIX + field, value)
        else storage._del(PREFIX + field)
      }
    },
    _reset: reset,
    _optedOut: () => storage._get(OPTED_OUT) == '1',
    /** Opting out also forgets the ids: nothing about the visitor stays stored. */
    _setOptedOut(optedOut: boolean) {
      if (optedOut) {
        storage._set(OPTED_OUT, '1')
        reset()
      } else storage._del(OPTED_OUT)
    },
  }
}

export type IdentityStore = ReturnType<typeof createIdentity>
