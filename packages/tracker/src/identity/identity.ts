import { messageId } from '../event/message-id.js'
import { toJson } from '../event/to-json.js'
import type { KeyValue } from './storage.js'
import { mergeUser, type User } from './merge-user.js'

const ANONYMOUS_ID = 'sillage_aid'
const USER = 'sillage_user'
const OPTED_OUT = 'sillage_optout'

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
  const user = (): User => {
    try {
      return JSON.parse(storage._get(USER) || '{}') || {}
    } catch {
      return {}
    }
  }
  return {
    _current(): Identity {
      const anonymousId = storage._get(ANONYMOUS_ID) || messageId()
      // Written once per page load: creates the id, or refreshes the cookie's expiry.
      if (anonymousId != written) storage._set(ANONYMOUS_ID, (written = anonymousId), true)
      return { ...user(), anonymousId }
    },
    _identify(next: User) {
      storage._set(USER, toJson(mergeUser(user(), next), () => {})!)
    },
    _reset() {
      storage._del(ANONYMOUS_ID)
      storage._del(USER)
    },
    _optedOut: () => storage._get(OPTED_OUT) == '1',
    _setOptedOut(optedOut: boolean) {
      if (optedOut) storage._set(OPTED_OUT, '1')
      else storage._del(OPTED_OUT)
    },
  }
}

export type IdentityStore = ReturnType<typeof createIdentity>


