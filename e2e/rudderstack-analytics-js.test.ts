import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser, Route } from 'playwright-core'
import { launchChromium } from './support/browser.js'
import { bundleForPage } from './support/bundle-for-page.js'
import { expectEverySentEventStoredOnce, propertiesOf } from './support/delivery-assertions.js'
import { recordForeignRequests } from './support/foreign-requests.js'
import { contactsWhere, countBy, waitForStoredEvents } from './support/oracle.js'
import { NETWORK_FAILURE_LOG } from './support/page-errors.js'
import { openScenario } from './support/scenario.js'
import { FIXTURES } from './support/sites.js'

// @rudderstack/analytics-js (v3, its build with every plugin inside) bundled from npm by the
// test, with the collector as its data plane and nothing loaded from RudderStack.
const RUDDERSTACK = join(FIXTURES, 'rudderstack')

let browser: Browser
beforeAll(async () => {
  await bundleForPage({ input: join(RUDDERSTACK, 'entry.js'), output: join(RUDDERSTACK, 'dist/library.js') })
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

/** RudderStack logs a failed delivery it will retry as a warning; Chromium logs the failed request. */
const EXPECTED_FAILURE_LOGS = [NETWORK_FAILURE_LOG]

/** The fixture shop with the SDK loaded and ready, and a record of any request to a third host. */
async function openRudderStackShop(options: { query?: string; allowConsoleErrors?: RegExp[] } = {}) {
  const scenario = await openScenario(browser, { site: FIXTURES, allowConsoleErrors: options.allowConsoleErrors })
  const foreign = recordForeignRequests(scenario.context, [scenario.site.url, scenario.collector.url])
  const page = await scenario.context.newPage()
  await page.goto(`${scenario.site.url}/rudderstack/index.html${options.query ?? ''}`)
  const anonymousId = await page.evaluate(
    () =>
      new Promise<string>((resolve) =>
        window.rudderanalytics.ready(() => resolve(window.rudderanalytics.getAnonymousId())),
      ),
  )
  return { ...scenario, page, foreign, anonymousId }
}

/** What the collector answers while its store is down: 503 with Retry-After, readable cross-origin. */
const storeDown = (route: Route) =>
  route.fulfill({
    status: 503,
    headers: { 'content-type': 'application/json', 'retry-after': '1', 'access-control-allow-origin': '*' },
    body: JSON.stringify({ error: { code: 'store_unavailable', message: 'injected by the test' } }),
  })

const numbersUpTo = (count: number) => Array.from({ length: count }, (_, index) => index + 1)
const sortedNumbers = (values: unknown[]) => values.map(Number).sort((a, b) => a - b)

describe('@rudderstack/analytics-js', () => {
  test('page, track and identify arrive once each, and the visitor becomes an identified contact', async () => {
    const { page, collector, site, pageErrors, sent, foreign, anonymousId } = await openRudderStackShop()

    await page.evaluate(() => {
      window.rudderanalytics.page()
      window.rudderanalytics.track('Product Viewed', { sku: 'sku-mug', price: 14 })
      window.rudderanalytics.identify('u_ada', { email: 'Ada@Example.com', plan: 'pro' })
      window.rudderanalytics.track('Order Completed', { revenue: 14, currency: 'EUR' })
    })

    const stored = await waitForStoredEvents(collector, 4)
    expect(countBy(stored, (event) => event.name)).toEqual({
      page_visited: 1,
      'Product Viewed': 1,
      identify: 1,
      'Order Completed': 1,
    })
    // RudderStack's own word for "no referrer" is kept as sent.
    expect(propertiesOf(stored, 'page_visited')).toEqual([
      expect.objectContaining({
        path: '/rudderstack/index.html',
        url: `${site.url}/rudderstack/index.html`,
        referrer: '$direct',
      }),
    ])
    expect(propertiesOf(stored, 'Product Viewed')).toEqual([{ sku: 'sku-mug', price: 14 }])
    expect(propertiesOf(stored, 'Order Completed')).toEqual([{ revenue: 14, currency: 'EUR' }])
    const byName = new Map(stored.map((event) => [event.name, [event.anonymousId, event.userId, event.identity]]))
    expect(Object.fromEntries(byName)).toEqual({
      page_visited: [anonymousId, null, 'anonymous'],
      'Product Viewed': [anonymousId, null, 'anonymous'],
      identify: [anonymousId, 'u_ada', 'identified'],
      'Order Completed': [anonymousId, 'u_ada', 'identified'],
    })

    // Its identify carries the traits in context.traits: they still become the contact's attributes.
    const [contact, ...others] = await contactsWhere(collector, { userId: 'u_ada' })
    expect(others).toEqual([])
    expect(contact).toMatchObject({ email: 'ada@example.com', attributes: expect.objectContaining({ plan: 'pro' }) })
    expect(new Set(stored.map((event) => event.contactId))).toEqual(new Set([contact!.id]))

    expectEverySentEventStoredOnce(stored, sent)
    expect(foreign.list(), 'requests to hosts other than the site and the collector').toEqual([])
    expect(pageErrors.list()).toEqual([])
  })

  test('a first attempt lost on the network is retried, and the event is stored once', async () => {
    const { page, collector, pageErrors, sent, foreign } = await openRudderStackShop({
      allowConsoleErrors: EXPECTED_FAILURE_LOGS,
    })
    let attempts = 0
    await page.route(`${collector.url}/v1/track`, async (route) => {
      attempts += 1
      if (attempts === 1) return route.abort('connectionreset')
      return route.continue()
    })

    await page.evaluate(() => window.rudderanalytics.track('Checkout Started', { step: 1 }))

    const stored = await waitForStoredEvents(collector, 1)
    expect(stored.map((event) => [event.name, event.properties])).toEqual([['Checkout Started', { step: 1 }]])
    expect(attempts, 'the lost attempt, then the retry').toBe(2)
    expectEverySentEventStoredOnce(stored, sent)
    expect(foreign.list()).toEqual([])
    expect(pageErrors.list()).toEqual([])
  })

  test('a burst of 50 through its batched queue (/v1/batch), first batch answered 503, arrives once each', async () => {
    const { page, collector, pageErrors, sent, foreign } = await openRudderStackShop({
      query: '?batching=20',
      allowConsoleErrors: EXPECTED_FAILURE_LOGS,
    })
    const batches: number[] = []
    await page.route(`${collector.url}/v1/batch`, async (route) => {
      batches.push((JSON.parse(route.request().postData() ?? '{}') as { batch: unknown[] }).batch.length)
      if (batches.length === 1) return storeDown(route)
      return route.continue()
    })

    await page.evaluate(() => {
      for (let n = 1; n <= 50; n += 1) window.rudderanalytics.track('Item Scrolled', { n })
    })

    const stored = await waitForStoredEvents(collector, 50, { timeoutMs: 20_000 })
    expect(sortedNumbers(stored.map((event) => event.properties.n))).toEqual(numbersUpTo(50))
    expect(batches.length, 'batches, not one request per event').toBeLessThan(10)
    expectEverySentEventStoredOnce(stored, sent)
    expect(foreign.list()).toEqual([])
    expect(pageErrors.list()).toEqual([])
  })

  test('a burst of 50 through its beacon transport (/beacon/v1/batch, text/plain) arrives once each', async () => {
    const { page, context, collector, pageErrors, sent, foreign } = await openRudderStackShop({ query: '?beacon' })
    // Playwright cannot read a beacon's Blob body, so the requests are counted and the
    // stored numbers 1…50, each once, say that nothing was lost or doubled.
    const beacons: string[] = []
    context.on('request', (request) => {
      if (new URL(request.url()).pathname === '/beacon/v1/batch') beacons.push(request.headers()['content-type'] ?? '')
    })

    await page.evaluate(() => {
      for (let n = 1; n <= 50; n += 1) window.rudderanalytics.track('Item Scrolled', { n })
    })

    const stored = await waitForStoredEvents(collector, 50, { timeoutMs: 20_000 })
    expect(sortedNumbers(stored.map((event) => event.properties.n))).toEqual(numbersUpTo(50))
    expect(beacons.length, 'batched beacons').toBeGreaterThan(0)
    expect(beacons.length).toBeLessThan(50)
    expect(new Set(beacons)).toEqual(new Set(['text/plain']))
    expectEverySentEventStoredOnce(stored, sent)
    expect(foreign.list()).toEqual([])
    expect(pageErrors.list()).toEqual([])
  })
})
