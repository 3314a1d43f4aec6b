import type { Hono } from 'hono'
import type { CollectorEnv } from '../../src/collector-env.js'
import { SECRET_KEY } from './test-collector.js'

/** The origin `app.request()` gives relative URLs. */
export const CONSOLE_ORIGIN = 'http://localhost'

/**
 * A minimal browser for the console under `app.request()`: it keeps the session cookie,
 * sends `Origin` on POSTs like a real browser, and posts forms url-encoded.
 *
 * @example
 * const browser = consoleBrowser(app)
 * await browser.signIn()
 * const page = await browser.get('/console/events')
 */
export function consoleBrowser(app: Hono<CollectorEnv>) {
  let cookie = ''
  const remember = (response: Response) => {
    const setCookie = response.headers.get('Set-Cookie')
    if (setCookie) cookie = /Max-Age=0/i.test(setCookie) ? '' : setCookie.split(';')[0]!
    return response
  }
  const headers = (extra: Record<string, string> = {}) => ({ ...(cookie ? { Cookie: cookie } : {}), ...extra })
  const browser = {
    get: async (path: string, extra: Record<string, string> = {}) =>
      remember(await app.request(path, { headers: headers(extra) })),
    post: async (path: string, form: Record<string, string> = {}, extra: Record<string, string> = {}) =>
      remember(
        await app.request(path, {
          method: 'POST',
          headers: headers({ 'Content-Type': 'application/x-www-form-urlencoded', Origin: CONSOLE_ORIGIN, ...extra }),
          body: new URLSearchParams(form).toString(),
        }),
      ),
    async signIn(secretKey = SECRET_KEY): Promise<Response> {
      return browser.post('/console/sign-in', { secretKey, next: '/console' })
    },
    /** The cookie the browser holds, e.g. to replay it after sign-out. */
    cookie: () => cookie,
    setCookie: (value: string) => (cookie = value),
  }
  return browser
}
