import { describe, expect, it } from 'vitest'
import { consoleBrowser } from '../../test/helpers/console-browser.js'
import { testCollector } from '../../test/helpers/test-collector.js'
import { createStore } from '../stores/create-store.js'
import { StoreUnavailableError } from '../stores/store.js'

describe('console headers', () => {
  it('sends a strict CSP (no inline script, never framed) on pages, the sign-in form, errors and assets', async () => {
    const { app } = await testCollector()
    const browser = consoleBrowser(app)
    const answers = [await browser.get('/console/sign-in'), await browser.get('/console/assets/console.css')]
    await browser.signIn()
    for (const path of ['/console', '/console/events', '/console/nowhere']) answers.push(await browser.get(path))
    for (const response of answers) {
      const csp = response.headers.get('Content-Security-Policy') ?? ''
      expect(csp, response.url).toContain("script-src 'self'")
      expect(csp).not.toContain('unsafe-inline')
      expect(csp).toContain("frame-ancestors 'none'")
      expect(csp).toContain("default-src 'none'")
      expect(response.headers.get('X-Frame-Options')).toBe('DENY')
      expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
    }
  })

  it('renders no inline script, so the CSP blocks nothing the console needs', async () => {
    const { app } = await testCollector()
    const browser = consoleBrowser(app)
    await browser.signIn()
    const html = await (await browser.get('/console')).text()
    expect(html.match(/<script[^>]*>/g)).toEqual([expect.stringMatching(/src="\/console\/assets\/console\.js\?v=/)])
    expect(html).not.toMatch(/ on[a-z]+=/)
    expect(html).not.toMatch(/ style=/)
  })

  it('never caches pages (personal data) and caches versioned assets for a year', async () => {
    const { app } = await testCollector()
    const browser = consoleBrowser(app)
    await browser.signIn()
    expect((await browser.get('/console')).headers.get('Cache-Control')).toBe('no-store')
    const html = await (await browser.get('/console')).text()
    const scriptUrl = /src="(\/console\/assets\/console\.js\?v=[^"]+)"/.exec(html)![1]!
    const script = await app.request(scriptUrl)
    expect(script.status).toBe(200)
    expect(script.headers.get('Content-Type')).toMatch(/^text\/javascript/)
    expect(script.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable')
    const unversioned = await app.request('/console/assets/console.js')
    expect(unversioned.headers.get('Cache-Control')).toBe('public, max-age=300')
    const etag = script.headers.get('ETag')!
    const again = await app.request('/console/assets/console.js', { headers: { 'If-None-Match': etag } })
    expect(again.status).toBe(304)
    expect((await app.request('/console/assets/secrets.json')).status).toBe(404)
  })
})

describe('console errors', () => {
  it('answers an unknown console page with a 404 page that leads back', async () => {
    const { app } = await testCollector()
    const browser = consoleBrowser(app)
    await browser.signIn()
    const response = await browser.get('/console/nowhere')
    expect(response.status).toBe(404)
    expect(response.headers.get('Content-Type')).toMatch(/^text\/html/)
    expect(await response.text()).toContain('The console has no page at /console/nowhere.')
  })

  it('sends a path typed with a trailing slash to its page, and shows a hostile id harmlessly', async () => {
    const { app } = await testCollector()
    const browser = consoleBrowser(app)
    await browser.signIn()
    for (const path of ['/console/', '/console/events/', '/console/sign-in/']) {
      const response = await browser.get(path)
      const expected = [301, `http://localhost${path.slice(0, -1)}`]
      expect([response.status, response.headers.get('Location')], path).toEqual(expected)
    }
    const hostile = await browser.get(`/console/contacts/${encodeURIComponent('<b>\u0000' + 'x'.repeat(300))}`)
    expect(hostile.status).toBe(404)
    const html = await hostile.text()
    expect(html).toContain('No contact with id &quot;&lt;b&gt;\ufffd')
    expect(html).not.toContain('\u0000')
  })

  it('answers 503 with a page and Retry-After when the store is down', async () => {
    const store = createStore('memory:')
    const { app } = await testCollector({ store })
    const browser = consoleBrowser(app)
    await browser.signIn()
    store.listEvents = async () => {
      throw new StoreUnavailableError('connection refused')
    }
    const response = await browser.get('/console/events')
    expect(response.status).toBe(503)
    expect(response.headers.get('Retry-After')).toBe('5')
    expect(await response.text()).toContain('The event store is unavailable right now.')
  })
})
