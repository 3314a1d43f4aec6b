import type { Persistence } from '../types.js'

/** A small string store over cookies, localStorage and memory, following `persistence`. */
export interface KeyValue {
  _get(key: string): string | undefined
  /** `shareInCookie`: also write a first-party cookie (the anonymous id only). */
  _set(key: string, value: string, shareInCookie?: boolean): void
  _del(key: string): void
}

const YEAR = 31536000

const attempt = <T>(read: () => T): T | undefined => {
  try {
    return read()
  } catch {
    // storage blocked (Safari private mode, sandboxed iframe, cookies off)
    return undefined
  }
}

/**
 * Reads prefer the cookie (shared across subdomains with `cookieDomain`), then localStorage,
 * then memory; memory is always written too, so a blocked storage only costs persistence.
 *
 * @example
 * const storage = createStorage('cookie+localStorage', '.example.com')
 * storage._set('sillage_aid', id, true)
 */
export function createStorage(persistence: Persistence = 'cookie+localStorage', cookieDomain?: string): KeyValue {
  const memory = new Map<string, string>()
  const local = persistence != 'memory'
  const cookies = persistence == 'cookie+localStorage'
  const writeCookie = (key: string, value: string, maxAge: number) =>
    attempt(() => {
      document.cookie =
        key + '=' + encodeURIComponent(value) + ';path=/;samesite=lax;max-age=' + maxAge +
        (cookieDomain ? ';domain=' + cookieDomain : '') +
        (location.protocol == 'https:' ? ';secure' : '')
    })
  const readCookie = (key: string) =>
    attempt(() => {
      const match = document.cookie.match('(?:^|; )' + key + '=([^;]*)')
      return match ? decodeURIComponent(match[1]!) : undefined
    })

  return {
    _get: (key) =>
      (cookies && readCookie(key)) || (local && attempt(() => localStorage.getItem(key))) || memory.get(key),
    _set(key, value, shareInCookie) {
      memory.set(key, value)
      if (local) attempt(() => localStorage.setItem(key, value))
      if (cookies && shareInCookie) writeCookie(key, value, YEAR)
    },
    _del(key) {
      memory.delete(key)
      if (local) attempt(() => localStorage.removeItem(key))
      if (cookies) writeCookie(key, '', 0)
    },
  }
}
