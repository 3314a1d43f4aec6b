import type { Persistence } from '../types.js'

/** The anonymous id's key: the one also kept in a first-party cookie, shared across subdomains. */
export const ANONYMOUS_ID = 'sillage_aid'

/** A small string store over cookies, localStorage and memory, following `persistence`. */
export interface KeyValue {
  _get(key: string): string | undefined
  /** No `value`: deletes. */
  _set(key: string, value?: string): void
  /** While true, writes go to memory only (no consent yet); reads still see the device. Unset: false. */
  _held?: boolean | undefined
}

/**
 * Reads prefer the cookie (`ANONYMOUS_ID` only; shared across subdomains with `cookieDomain`),
 * then localStorage, then memory; memory is always written too, so blocked storage (Safari
 * private mode, sandboxed iframes, cookies off) only costs persistence. `'memory'` and
 * `'cookieless'` write memory only.
 *
 * @example
 * const storage = createStorage('cookie+localStorage', '.example.com')
 * storage._set(ANONYMOUS_ID, id)
 */
export function createStorage(persistence?: Persistence, cookieDomain?: string): KeyValue {
  const memory: Record<string, string | undefined> = {}
  const local = persistence != 'memory' && persistence != 'cookieless'
  const cookies = local && persistence != 'localStorage'
  const storage: KeyValue = {
    _get(key) {
      try {
        return (
          // Reading document.cookie is a round trip to the browser's cookie store: only for
          // the one key that lives there.
          (key == ANONYMOUS_ID && cookies && document.cookie.match('(^|; )' + key + '=([^;]+)')?.[2]) ||
          (local && localStorage.getItem(key)) ||
          memory[key]
        )
      } catch {
        return memory[key]
      }
    },
    _set(key, value) {
      memory[key] = value
      if (storage._held) return
      try {
        if (cookies && key == ANONYMOUS_ID) {
          // (Deleting writes `key=undefined;max-age=0`: the cookie goes, whatever its value.)
          document.cookie =
            key +
            '=' +
            value +
            ';path=/;samesite=lax;max-age=' +
            (value ? 31536000 : 0) +
            (cookieDomain ? ';domain=' + cookieDomain : '') +
            (location.protocol == 'https:' ? ';secure' : '')
        }
        if (local) localStorage[value ? 'setItem' : 'removeItem'](key, value!)
      } catch {
        // storage blocked: memory only
      }
    },
  }
  return storage
}
