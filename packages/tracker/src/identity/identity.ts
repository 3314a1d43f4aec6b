import { messageId } from '../event/message-id.js'
import type { TrackerOptions } from '../types.js'
import { ANONYMOUS_ID, type KeyValue } from './storage.js'

const PREFIX = 'sillage_'
/** The visitor's choice: `'1'` consent given (or `optIn`), `'0'` opted out; absent, none made. */
const CONSENT = PREFIX + 'consent'
/** The anonymousId of every cookieless event; the collector replaces it. */
const COOKIELESS_ID = '$cookieless'
/** Each is kept under its own key (`sillage_userId`…): no parsing of stored JSON. */
const USER_FIELDS = ['userId', 'email', 'userHash'] as const

/** What `identify` remembers about the visitor. */
export interface User {
  userId?: string | undefined
  email?: string | undefined
  userHash?: string | undefined
}

export interface Identity extends User {
  anonymousId: string
}

/** What the site says about storing and tracking (the tracker's options). */
export type Privacy = Pick<TrackerOptions, 'requireConsent' | 'honorGlobalPrivacyControl' | 'persistence'>

/**
 * The visitor's ids, read from storage at the first event of each task, so that an
 * `identify` or a `reset` in another tab applies here from the next task on. (Not at each
 * event: the cookie is a round trip to the browser's cookie store, too slow for each event
 * of a burst.)
 *
 * On a first visit, tabs that load in the same few milliseconds each find no id (a write
 * reaches other renderer processes a little later), each make one, and the last write
 * wins. So 100 ms after making an id, this page looks again: if another tab's id replaced
 * it, `lostIdRace(made, winner)` lets the tracker move the events queued meanwhile, and the
 * tabs stay one device. Only then: a `reset` in another tab later starts another visitor,
 * whose id the events tracked before must not take.
 *
 * It also keeps the visitor's choice: opted out (`optOut`, `consent(false)`, or Global
 * Privacy Control, which stores nothing), or, with `requireConsent`, consent given. Until
 * a choice is made the storage is held: ids live in memory only, and are written out
 * when consent comes.
 *
 * @example
 * const identity = createIdentity(createStorage(), (made, winner) => moveEvents(queue, made, winner), options)
 * identity._current() // { anonymousId: '…', userId: '42', email: 'a@x.io' }
 */
export function createIdentity(
  storage: KeyValue,
  lostIdRace: (made: string, winner: string) => void,
  privacy: Privacy,
) {
  let written: string | undefined
  storage._held = privacy.requireConsent && !storage._get(CONSENT)
  // The browser asks sites not to sell or share the visitor's data (Global Privacy Control).
  const globalPrivacyControl =
    privacy.honorGlobalPrivacyControl != false &&
    (globalThis.navigator as { globalPrivacyControl?: boolean } | undefined)?.globalPrivacyControl === true
  // The ids read in this task; forgotten when it ends, or when they change here.
  let current: Identity | undefined
  /** The stored ids, added to `into`. */
  const user = <T extends User>(into: T) => {
    for (const field of USER_FIELDS) into[field] = storage._get(PREFIX + field)
    return into
  }
  /** Stores these ids; an id left out is removed. */
  const save = (next: User) => {
    current = undefined
    for (const field of USER_FIELDS) storage._set(PREFIX + field, next[field])
  }
  /** Stores the anonymous id (its cookie too), noting that this page wrote it. */
  const keepId = (anonymousId: string) => {
    written = anonymousId
    storage._set(ANONYMOUS_ID, anonymousId)
  }
  const reset = () => {
    storage._set(ANONYMOUS_ID)
    save({})
  }
  /**
   * Ends the hold and remembers the visitor's choice (in memory only with `persistence:
   * 'memory'` or `'cookieless'`).
   */
  const choose = (choice: '0' | '1') => {
    storage._held = false
    storage._set(CONSENT, choice)
  }
  // As after `consent(false)`: no ids from an earlier visit stay (and nothing new is stored).
  if (globalPrivacyControl) reset()
  return {
    _current(): Identity {
      if (!current) {
        let anonymousId = privacy.persistence == 'cookieless' ? COOKIELESS_ID : storage._get(ANONYMOUS_ID)
        if (!anonymousId) {
          const made = messageId()
          anonymousId = made
          setTimeout(() => {
            const stored = storage._get(ANONYMOUS_ID)
            // (None stored: this page opted out or was reset since; then it keeps its events.)
            if (stored && stored != made) lostIdRace(made, stored)
          }, 100)
        }
        // Written once per page and id (not per event: a cookie write costs a round trip to the
        // browser's cookie store): creates the id, restores a cleared cookie, renews its expiry.
        if (anonymousId != written) keepId(anonymousId)
        current = user<Identity>({ anonymousId })
        queueMicrotask(() => (current = undefined))
      }
      return current
    },
    /**
     * Combines an `identify` call (`next`, completed in place) with the stored identity, as
     * Segment does: a call with another userId than the stored one is another person (a
     * shared computer) and replaces everything; otherwise the ids given replace their stored
     * values and the others stay. (A stored `userHash` that no longer matches its id makes
     * the collector mark events `unverified`: never a false claim.)
     */
    _identify(next: User) {
      const stored = user<User>({})
      if (!next.userId || !stored.userId || next.userId == stored.userId) {
        for (const field of USER_FIELDS) next[field] ||= stored[field]
      }
      save(next)
    },
    _reset: reset,
    _optedOut: () => globalPrivacyControl || storage._get(CONSENT) == '0',
    /** `requireConsent` and no choice made yet (on this page, or remembered). */
    _held: () => storage._held,
    /** Opting out also forgets the ids: nothing about the visitor stays stored. */
    _optOut() {
      // (Before the hold ends: ids made while held were in memory only, nothing to delete.)
      reset()
      choose('0')
    },
    /** Consent given (or `optIn`): the ids kept in memory while held are written out. */
    _consent() {
      choose('1')
      // Out of memory now: the events that waited carry these ids.
      const anonymousId = storage._get(ANONYMOUS_ID)
      if (anonymousId) keepId(anonymousId)
      save(user({}))
    },
  }
}

export type IdentityStore = ReturnType<typeof createIdentity>
