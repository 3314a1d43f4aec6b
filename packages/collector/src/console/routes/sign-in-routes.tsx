import { Hono } from 'hono'
import type { CollectorEnv } from '../../collector-env.js'
import { isSecretKey } from '../../middleware/auth/is-secret-key.js'
import { clientAddress } from '../../normalise/client-address.js'
import type { ConsoleAssetFiles } from '../assets/console-asset-files.js'
import type { ConsoleDeps } from '../console-deps.js'
import { SignInPage } from '../pages/sign-in-page.js'
import { createSessionToken, currentSession, sessionCookie } from '../session/index.js'
import { renderConsolePage } from './render-console-page.js'

/** Only a console path may follow sign-in: `next` never leads off the collector. */
const safeNext = (value: unknown) =>
  typeof value === 'string' && /^\/console(?:[/?#][^\\]*)?$/.test(value) ? value : '/console'

/**
 * `GET /console/sign-in`, `POST /console/sign-in` (the secret key from a password field;
 * a wrong one answers 401 with the form and a message; past a few wrong ones from one
 * address, 429 with `Retry-After` until it may try again), `POST /console/sign-out`.
 *
 * @example
 * app.route('/', signInRoutes({ deps, assets }))
 */
export function signInRoutes(options: { deps: ConsoleDeps; assets: ConsoleAssetFiles }): Hono<CollectorEnv> {
  const { deps, assets } = options
  const app = new Hono<CollectorEnv>()
  const page = { assets, title: 'Sign in', signedIn: false }

  app.get('/sign-in', async (c) => {
    const next = safeNext(c.req.query('next'))
    if (currentSession(c, deps)) return c.redirect(next, 303)
    const notice = c.req.query('signed-out') !== undefined ? 'You are signed out.' : undefined
    return renderConsolePage(c, page, <SignInPage next={next} notice={notice} />)
  })

  app.post('/sign-in', async (c) => {
    const form = await c.req.parseBody()
    const next = safeNext(form.next)
    const key = typeof form.secretKey === 'string' ? form.secretKey.trim() : ''
    const address = clientAddress(c, deps) ?? 'unknown'
    const waitSeconds = deps.signInAttempts.waitSeconds(address, deps.now().getTime())
    if (waitSeconds > 0) {
      const message =
        `Too many wrong keys from your address: wait ${waitSeconds} s, then sign in again. ` +
        "The key is in the collector's start-up output (--secret-key or SILLAGE_SECRET_KEY)."
      const response = await renderConsolePage(
        c,
        { ...page, status: 429 },
        <SignInPage next={next} message={message} />,
      )
      response.headers.set('Retry-After', String(waitSeconds))
      return response
    }
    if (!isSecretKey(key, deps.secretKey)) {
      // An empty form is a slip, not a guess.
      if (key) deps.signInAttempts.recordWrongKey(address, deps.now().getTime())
      const message = !key
        ? 'Type the secret key to sign in.'
        : deps.writeKeys.includes(key)
          ? 'That is a write key: it only sends events. Sign in with the secret key.'
          : "That is not this collector's secret key. Use the one it printed on start (--secret-key)."
      return renderConsolePage(c, { ...page, status: 401 }, <SignInPage next={next} message={message} />)
    }
    sessionCookie.set(c, createSessionToken({ secretKey: deps.secretKey, now: deps.now() }), deps)
    return c.redirect(next, 303)
  })

  app.post('/sign-out', async (c) => {
    const session = currentSession(c, deps)
    if (session) deps.signedOut.add(session, deps.now())
    sessionCookie.clear(c, deps)
    return c.redirect('/console/sign-in?signed-out', 303)
  })
  return app
}
