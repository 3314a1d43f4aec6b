import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { requestOrigin } from './request-origin.js'
import { SESSION_LIFETIME_MS } from './session-token.js'

const NAME = 'sillage_console'

const cookieOptions = (c: Context, options: { trustProxy: boolean }) => ({
  path: '/console',
  httpOnly: true,
  sameSite: 'Strict' as const,
  // Over plain http (a collector on localhost) a Secure cookie would never come back.
  secure: requestOrigin(c, options).startsWith('https:'),
})

/**
 * The console's session cookie: HttpOnly (no script reads it), SameSite=Strict (no other
 * site sends it along), Secure over https, scoped to `/console`, expiring with the token.
 *
 * @example
 * sessionCookie.set(c, token, { trustProxy })
 * sessionCookie.get(c) // the token, or undefined
 */
export const sessionCookie = {
  get: (c: Context): string | undefined => getCookie(c, NAME),
  set(c: Context, token: string, options: { trustProxy: boolean }): void {
    setCookie(c, NAME, token, { ...cookieOptions(c, options), maxAge: SESSION_LIFETIME_MS / 1000 })
  },
  clear(c: Context, options: { trustProxy: boolean }): void {
    deleteCookie(c, NAME, cookieOptions(c, options))
  },
}
