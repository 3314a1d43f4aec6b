import { describe, expect, it, vi } from 'vitest'
import { consoleBrowser } from '../../../test/helpers/console-browser.js'
import { SECRET_KEY, testCollector, trackEvent, WRITE_KEY } from '../../../test/helpers/test-collector.js'
import { SESSION_LIFETIME_MS } from '../session/session-token.js'

/** A collector whose clock the test moves. */
async function consoleAt(start = new Date('2026-03-01T10:00:00Z')) {
  let now = start
  const collector = await testCollector({ now: () => now })
  const advance = (ms: number) => (now = new Date(now.getTime() + ms))
  return { ...collector, browser: consoleBrowser(collector.app), advance }
}

const signInRedirect = (response: Response) => [response.status, response.headers.get('Location')]

describe('console sign-in', () => {
  it('sends a visitor without a session to the sign-in page, remembering where they were going', async () => {
    const { browser } = await consoleAt()
    for (const path of ['/console', '/console/events?name=x', '/console/contacts/c1', '/console/events/export.csv']) {
      const expected = [303, `/console/sign-in?next=${encodeURIComponent(path)}`]
      expect(signInRedirect(await browser.get(path)), path).toEqual(expected)
    }
    const form = await browser.get('/console/sign-in?next=%2Fconsole%2Fevents')
    expect(form.status).toBe(200)
    const html = await form.text()
    expect(html).toContain('type="password"')
    expect(html).toContain('value="/console/events"')
  })

  it('answers a wrong key with 401 and a message, and sets no cookie', async () => {
    const { browser } = await consoleAt()
    const wrong = await browser.signIn('sk_wrong_0123456789abcdef')
    expect(wrong.status).toBe(401)
    expect(wrong.headers.get('Set-Cookie')).toBeNull()
    expect(await wrong.text()).toContain('That is not this collector&#39;s secret key')
    const writeKey = await browser.signIn(WRITE_KEY)
    expect(writeKey.status).toBe(401)
    expect(await writeKey.text()).toContain('That is a write key')
    expect((await browser.signIn('')).status).toBe(401)
    expect((await browser.get('/console')).status).toBe(303)
  })

  it('signs in with the secret key: an HttpOnly, SameSite=Strict, expiring cookie, then the pages', async () => {
    const { browser } = await consoleAt()
    const response = await browser.post('/console/sign-in', { secretKey: SECRET_KEY, next: '/console/events' })
    expect(signInRedirect(response)).toEqual([303, '/console/events'])
    const cookie = response.headers.get('Set-Cookie')!
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Strict/)
    expect(cookie).toMatch(/Path=\/console/)
    expect(cookie).toMatch(`Max-Age=${SESSION_LIFETIME_MS / 1000}`)
    expect(cookie).not.toMatch(/Secure/) // plain http: a Secure cookie would never come back
    expect((await browser.get('/console/events')).status).toBe(200)
  })

  it('marks the cookie Secure over https', async () => {
    const { app } = await consoleAt()
    const response = await app.request('https://console.example/console/sign-in', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'https://console.example' },
      body: new URLSearchParams({ secretKey: SECRET_KEY }).toString(),
    })
    expect(response.status).toBe(303)
    expect(response.headers.get('Set-Cookie')).toMatch(/; Secure/)
  })

  it('never sends a signed-in person off the console after sign-in', async () => {
    const { browser } = await consoleAt()
    for (const next of ['https://evil.example/', '//evil.example', '/consolex', '/v1/events', '/console\\@evil']) {
      const response = await browser.post('/console/sign-in', { secretKey: SECRET_KEY, next })
      expect(signInRedirect(response), next).toEqual([303, '/console'])
    }
  })

  it('refuses a forged cookie and one signed with another secret key', async () => {
    const { browser, app } = await consoleAt()
    await browser.signIn()
    const [name, token] = browser.cookie().split('=') as [string, string]
    const [payload] = token.split('.')
    browser.setCookie(`${name}=${payload}.${'A'.repeat(43)}`)
    expect(signInRedirect(await browser.get('/console'))[0]).toBe(303)

    const other = await testCollector({ secretKey: 'sk_other_0123456789abcdef' })
    const otherBrowser = consoleBrowser(other.app)
    await otherBrowser.signIn('sk_other_0123456789abcdef')
    const foreign = consoleBrowser(app)
    foreign.setCookie(otherBrowser.cookie())
    expect(signInRedirect(await foreign.get('/console'))[0]).toBe(303)
  })

  it('expires the session after its lifetime (injected clock)', async () => {
    const { browser, advance } = await consoleAt()
    await browser.signIn()
    advance(SESSION_LIFETIME_MS - 60_000)
    expect((await browser.get('/console')).status).toBe(200)
    advance(60_000)
    expect(signInRedirect(await browser.get('/console'))).toEqual([303, '/console/sign-in?next=%2Fconsole'])
  })

  it('signs out: the cookie is cleared, and a copy taken before no longer opens the console', async () => {
    const { browser } = await consoleAt()
    await browser.signIn()
    const copy = browser.cookie()
    const response = await browser.post('/console/sign-out')
    expect(signInRedirect(response)).toEqual([303, '/console/sign-in?signed-out'])
    expect(response.headers.get('Set-Cookie')).toMatch(/Max-Age=0/)
    browser.setCookie(copy)
    expect((await browser.get('/console')).status).toBe(303)
    expect(await (await browser.get('/console/sign-in?signed-out')).text()).toContain('You are signed out.')
  })
})

describe('console origin check', () => {
  it('refuses a POST from another origin or without one, and changes nothing', async () => {
    const { browser, post, read } = await consoleAt()
    await post('/v1/batch', { batch: [trackEvent({ userId: 'victim' })] })
    const [victim] = (await (await read('/v1/contacts?userId=victim')).json()).contacts
    await browser.signIn()

    const erase = `/console/contacts/${victim.id}/erase`
    const crossSite = await browser.post(erase, {}, { Origin: 'https://evil.example' })
    expect(crossSite.status).toBe(403)
    expect(await crossSite.text()).toContain('Refused a POST from https://evil.example')
    const noOrigin = await browser.post(erase, {}, { Origin: '' })
    expect(noOrigin.status).toBe(403)
    expect((await read(`/v1/contacts/${victim.id}`)).status).toBe(200)

    const signIn = await browser.post('/console/sign-in', { secretKey: SECRET_KEY }, { Origin: 'https://evil.example' })
    expect(signIn.status).toBe(403)
    expect(signIn.headers.get('Set-Cookie')).toBeNull()
  })
})

describe('console sign-in limit', () => {
  /** A collector behind a proxy, so each test address comes from `X-Forwarded-For`; its clock moves by hand. */
  async function limitedConsole() {
    let now = new Date('2026-03-01T10:00:00Z')
    const logged: unknown[] = []
    const collector = await testCollector({
      now: () => now,
      trustProxy: true,
      log: (...args: unknown[]) => logged.push(args),
    })
    const browser = consoleBrowser(collector.app)
    const signInFrom = (address: string, secretKey: string) =>
      browser.post('/console/sign-in', { secretKey, next: '/console' }, { 'X-Forwarded-For': address })
    const advance = (ms: number) => (now = new Date(now.getTime() + ms))
    return { signInFrom, advance, logged }
  }

  it('refuses an address for a minute after five wrong keys, the right key too, with a message', async () => {
    const { signInFrom, advance } = await limitedConsole()
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expect((await signInFrom('203.0.113.7', `sk_guess_${attempt}_0123456789`)).status, `try ${attempt}`).toBe(401)
    }
    const refused = await signInFrom('203.0.113.7', SECRET_KEY)
    expect(refused.status).toBe(429)
    expect(refused.headers.get('Retry-After')).toBe('60')
    expect(refused.headers.get('Set-Cookie')).toBeNull()
    const html = await refused.text()
    expect(html).toContain('Too many wrong keys from your address: wait 60 s, then sign in again.')
    expect(html).toContain('type="password"')

    advance(30_000)
    expect((await signInFrom('203.0.113.7', SECRET_KEY)).headers.get('Retry-After')).toBe('30')
    advance(30_000)
    expect(signInRedirect(await signInFrom('203.0.113.7', SECRET_KEY))).toEqual([303, '/console'])
  })

  it('keeps addresses apart, and lets an address that waited type one more wrong key, not five', async () => {
    const { signInFrom, advance } = await limitedConsole()
    for (let attempt = 1; attempt <= 5; attempt += 1) await signInFrom('203.0.113.7', 'sk_guess_0123456789abcdef')
    expect((await signInFrom('203.0.113.7', 'sk_guess_0123456789abcdef')).status).toBe(429)
    expect((await signInFrom('198.51.100.4', 'sk_typo_0123456789abcdef')).status).toBe(401)
    expect(signInRedirect(await signInFrom('198.51.100.4', SECRET_KEY))).toEqual([303, '/console'])

    advance(60_000)
    expect((await signInFrom('203.0.113.7', 'sk_guess_0123456789abcdef')).status).toBe(401)
    expect((await signInFrom('203.0.113.7', 'sk_guess_0123456789abcdef')).status).toBe(429)
  })

  it('does not count an empty form, and never writes a typed key to the log', async () => {
    const { signInFrom, logged } = await limitedConsole()
    const printed: unknown[] = []
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) =>
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void printed.push(args)),
    )
    const statuses: number[] = []
    try {
      for (let attempt = 1; attempt <= 8; attempt += 1) expect((await signInFrom('203.0.113.9', '')).status).toBe(401)
      for (let attempt = 1; attempt <= 6; attempt += 1) {
        statuses.push((await signInFrom('203.0.113.9', 'sk_typed_secret_guess_42')).status)
      }
    } finally {
      for (const spy of spies) spy.mockRestore()
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429])
    expect(JSON.stringify([logged, printed])).not.toContain('sk_typed_secret_guess_42')
  })
})
