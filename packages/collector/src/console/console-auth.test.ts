import { describe, expect, it } from 'vitest'
import { consoleBrowser } from '../../test/helpers/console-browser.js'
import { testCollector, trackEvent } from '../../test/helpers/test-collector.js'
import { SESSION_LIFETIME_MS } from './session/session-token.js'

/** Paths anyone may open: the sign-in form itself and the assets it needs. */
const OPEN_PATHS = /^\/console\/(sign-in|sign-out|assets\/)/

/**
 * Every page and form the console registers, read from the app itself: a page added later
 * is checked here without anyone listing it. Every `:param` is a real contact id, so with a
 * session a contact page answers.
 */
async function consoleUnderTest() {
  let now = new Date('2026-03-01T10:00:00Z')
  const collector = await testCollector({ now: () => now })
  await collector.post('/v1/batch', { batch: [trackEvent({ userId: 'someone', timestamp: now.toISOString() })] })
  const [contact] = (await (await collector.read('/v1/contacts?userId=someone')).json()).contacts
  const routes = collector.app.routes
    .filter((route) => route.path.startsWith('/console') && route.method !== 'ALL')
    .map((route) => ({ method: route.method, template: route.path, path: route.path.replace(/:\w+/g, contact.id) }))
  const advance = (ms: number) => (now = new Date(now.getTime() + ms))
  return { ...collector, routes, guarded: routes.filter((route) => !OPEN_PATHS.test(route.path)), advance }
}

type Browser = ReturnType<typeof consoleBrowser>

async function visit(browser: Browser, route: { method: string; path: string }, origin?: string) {
  const extra: Record<string, string> = origin === undefined ? {} : { Origin: origin }
  const response = route.method === 'GET' ? await browser.get(route.path) : await browser.post(route.path, {}, extra)
  await response.body?.cancel() // the live view streams until the reader leaves
  return { status: response.status, location: response.headers.get('Location') }
}

const signInFor = (route: { method: string; path: string }) => ({
  status: 303,
  location: route.method === 'GET' ? `/console/sign-in?next=${encodeURIComponent(route.path)}` : '/console/sign-in',
})

describe('console pages without a valid session', () => {
  it('finds the pages and forms to check in the app (a guard that the list below is not empty)', async () => {
    const { guarded } = await consoleUnderTest()
    const names = guarded.map((route) => `${route.method} ${route.template}`)
    expect(names).toEqual(
      expect.arrayContaining([
        'GET /console',
        'GET /console/events',
        'GET /console/contacts/:id',
        'POST /console/contacts/:id/erase',
      ]),
    )
  })

  it('opens every page with a session (so the refusals below are about the session, nothing else)', async () => {
    const { app, guarded } = await consoleUnderTest()
    const browser = consoleBrowser(app)
    await browser.signIn()
    const answers = []
    for (const route of guarded.filter((route) => route.method === 'GET')) {
      answers.push({ route: route.template, ...(await visit(browser, route)) })
    }
    // A page of another kind (a segment…) may not know a contact id: a 404 page still opened.
    for (const answer of answers) expect(answer.status === 200 || answer.status === 404, answer.route).toBe(true)
    expect(answers.filter((answer) => answer.route.includes('/contacts/')).map((answer) => answer.status)).toEqual([
      200, 200, 200,
    ])
  })

  it('sends a visitor without a cookie to sign-in from every page and form', async () => {
    const { app, guarded } = await consoleUnderTest()
    const browser = consoleBrowser(app)
    for (const route of guarded)
      expect(await visit(browser, route), `${route.method} ${route.path}`).toEqual(signInFor(route))
  })

  it('refuses a forged cookie on every page and form', async () => {
    const { app, guarded } = await consoleUnderTest()
    const browser = consoleBrowser(app)
    await browser.signIn()
    const [name, token] = browser.cookie().split('=') as [string, string]
    const [payload] = token.split('.') as [string]
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString())
    // A longer life written into the claims, the signature left as it was.
    const extended = Buffer.from(JSON.stringify({ ...claims, expiresAt: claims.expiresAt + 1 })).toString('base64url')
    for (const forged of [`${name}=${extended}.${token.split('.')[1]}`, `${name}=${payload}.forged`, `${name}=junk`]) {
      browser.setCookie(forged)
      for (const route of guarded)
        expect(await visit(browser, route), `${forged} ${route.path}`).toEqual(signInFor(route))
    }
  })

  it('refuses an expired cookie on every page and form', async () => {
    const { app, guarded, advance } = await consoleUnderTest()
    const browser = consoleBrowser(app)
    await browser.signIn()
    advance(SESSION_LIFETIME_MS)
    for (const route of guarded)
      expect(await visit(browser, route), `${route.method} ${route.path}`).toEqual(signInFor(route))
  })
})

describe('console forms posted from another origin', () => {
  it('refuses every form of the console with 403, signed in or not', async () => {
    const { app, routes, read } = await consoleUnderTest()
    const forms = routes.filter((route) => route.method === 'POST')
    expect(forms.length).toBeGreaterThanOrEqual(3) // sign-in, sign-out, erase at least
    const browser = consoleBrowser(app)
    await browser.signIn()
    for (const route of forms) {
      expect((await visit(browser, route, 'https://evil.example')).status, route.path).toBe(403)
    }
    // Still signed in (sign-out was refused) and nothing was erased.
    expect((await browser.get('/console')).status).toBe(200)
    expect((await (await read('/v1/contacts?userId=someone')).json()).contacts).toHaveLength(1)
  })
})
