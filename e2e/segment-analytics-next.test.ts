import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser, Route } from 'playwright-core'
import { launchChromium } from './support/browser.js'
import { bundleForPage } from './support/bundle-for-page.js'
import { expectEverySentEventStoredOnce, propertiesOf } from './support/delivery-assertions.js'
import { recordForeignRequests } from './support/foreign-requests.js'
import { contactsWhere, countBy, waitForStoredEvents } from './support/oracle.js'
import { NETWORK_FAILURE_LOG } from './support/page-errors.js'
import { eventsInRequest } from './support/sent-events.js'
import { openScenario } from './support/scenario.js'
import { FIXTURES } from './support/sites.js'

// @segment/analytics-next (analytics.js 2.0) bundled from npm by the test, configured as
// Segment documents for a self-hosted endpoint, pointed at a real collector.
const SEGMENT = join(FIXTURES, 'segment')

let browser: Browser
beforeAll(async () => {
  await bundleForPage({ input: join(SEGMENT, 'entry.js'), output: join(SEGMENT, 'dist/library.js') })
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

/** The fixture shop with analytics-next loaded, and a record of any request to a third host. */
async function openSegmentShop(options: { query?: string; allowConsoleErrors?: RegExp[]; fakeClock?: boolean } = {}) {
  const scenario = await openScenario(browser, { site: FIXTURES, allowConsoleErrors: options.allowConsoleErrors })
  const foreign = recordForeignRequests(scenario.context, [scenario.site.url, scenario.collector.url])
  if (options.fakeClock) await scenario.context.clock.install()
  const page = await scenario.context.newPage()
  await page.goto(`${scenario.site.url}/segment/index.html${options.query ?? ''}`)
  const anonymousId = await page.evaluate(async () => (await window.analytics.user()).anonymousId())
  return { ...scenario, page, foreign, anonymousId: anonymousId! }
}

/** What the collector answers while its store is down: 503 with Retry-After, readable cross-origin. */
const storeDown = (route: Route) =>
  route.fulfill({
    status: 503,
    headers: { 'content-type': 'application/json', 'retry-after': '1', 'access-control-allow-origin': '*' },
    body: JSON.stringify({ error: { code: 'store_unavailable', message: 'injected by the test' } }),
  })

describe('@segment/analytics-next', () => {
  test('page, track and identify arrive once each, and the visitor becomes an identified contact', async () => {
    const { page, collector, site, pageErrors, sent, foreign, anonymousId } = await openSegmentShop({ fakeClock: true })

    await page.evaluate(async () => {
      await window.analytics.page()
      await window.analytics.track('Product Viewed', { sku: 'sku-mug', price: 14 })
      await window.analytics.identify('u_ada', { email: 'Ada@Example.com', plan: 'pro' })
      await window.analytics.track('Order Completed', { revenue: 14, currency: 'EUR' })
    })

    const stored = await waitForStoredEvents(collector, 4)
    expect(countBy(stored, (event) => event.name)).toEqual({
      page_visited: 1,
      'Product Viewed': 1,
      identify: 1,
      'Order Completed': 1,
    })
    expect(propertiesOf(stored, 'page_visited')).toEqual([
      expect.objectContaining({
        path: '/segment/index.html',
        url: `${site.url}/segment/index.html`,
        title: 'Segment analytics-next',
      }),
    ])
    expect(propertiesOf(stored, 'Product Viewed')).toEqual([{ sku: 'sku-mug', price: 14 }])
    expect(propertiesOf(stored, 'Order Completed')).toEqual([{ revenue: 14, currency: 'EUR' }])
    expect(stored.map((event) => [event.name, event.anonymousId, event.userId, event.identity])).toEqual([
      ['page_visited', anonymousId, null, 'anonymous'],
      ['Product Viewed', anonymousId, null, 'anonymous'],
      ['identify', anonymousId, 'u_ada', 'identified'],
      ['Order Completed', anonymousId, 'u_ada', 'identified'],
    ])
    expect(
      stored.every(
        (event) => event.context.library && (event.context.library as { name: string }).name === 'analytics.js',
      ),
    ).toBe(true)

    // The anonymous visit was merged into the contact of the login: one person, one timeline.
    const [contact, ...others] = await contactsWhere(collector, { userId: 'u_ada' })
    expect(others).toEqual([])
    expect(contact).toMatchObject({ email: 'ada@example.com', attributes: expect.objectContaining({ plan: 'pro' }) })
    expect(new Set(stored.map((event) => event.contactId))).toEqual(new Set([contact!.id]))
    expect(await contactsWhere(collector, { anonymousId })).toEqual([expect.objectContaining({ id: contact!.id })])

    // Every 30 s the library posts counters about itself to {apiHost}/m: the collector takes them quietly.
    const metricsAnswer = page.waitForResponse(`${collector.url}/v1/m`)
    await page.clock.fastForward('00:31')
    expect((await metricsAnswer).status()).toBe(204)

    expectEverySentEventStoredOnce(stored, sent)
    expect(foreign.list(), 'requests to hosts other than the site and the collector').toEqual([])
    expect(pageErrors.list()).toEqual([])
  })

  test('a first attempt answered 503 is retried, and the event is stored once', async () => {
    const { page, collector, pageErrors, sent, foreign } = await openSegmentShop({
      allowConsoleErrors: [NETWORK_FAILURE_LOG],
    })
    const attempts: string[] = []
    await page.route(`${collector.url}/v1/t`, async (route) => {
      attempts.push(route.request().method())
      if (attempts.length === 1) return storeDown(route)
      return route.continue()
    })

    await page.evaluate(() => window.analytics.track('Checkout Started', { step: 1 }))

    const stored = await waitForStoredEvents(collector, 1)
    expect(stored.map((event) => [event.name, event.properties])).toEqual([['Checkout Started', { step: 1 }]])
    expect(attempts.length, 'the 503, then the retry').toBe(2)
    expectEverySentEventStoredOnce(stored, sent)
    expect(foreign.list()).toEqual([])
    expect(pageErrors.list()).toEqual([])
  })

  test('a burst of 50 through its batching dispatcher (/v1/b), first answer lost after the commit, is stored once each', async () => {
    const { page, collector, pageErrors, sent, foreign } = await openSegmentShop({
      query: '?batching=20',
      allowConsoleErrors: [NETWORK_FAILURE_LOG],
    })
    const answerLost: string[] = []
    const later: string[] = []
    let batches = 0
    await page.route(`${collector.url}/v1/b`, async (route) => {
      batches += 1
      const ids = eventsInRequest(route.request()).map((event) => event.messageId)
      if (batches > 1) {
        later.push(...ids)
        return route.continue()
      }
      // The collector commits the batch; the page sees the connection drop and must send it again.
      const committed = await route.fetch()
      if (committed.status() !== 200)
        throw new Error(`collector answered ${committed.status()}: ${await committed.text()}`)
      answerLost.push(...ids)
      return route.abort('connectionreset')
    })

    await page.evaluate(() => {
      for (let n = 1; n <= 50; n += 1) void window.analytics.track('Item Scrolled', { n })
    })

    // The lost batch is stored already, so wait for its resending before reading the store.
    await expect
      .poll(() => ({ lost: answerLost.length > 0, notResent: answerLost.filter((id) => !later.includes(id)) }), {
        timeout: 20_000,
        interval: 100,
      })
      .toEqual({ lost: true, notResent: [] })
    const stored = await waitForStoredEvents(collector, 50, { timeoutMs: 20_000 })
    expect(stored.map((event) => event.properties.n).sort((a, b) => Number(a) - Number(b))).toEqual(
      Array.from({ length: 50 }, (_, index) => index + 1),
    )
    expect(batches, 'batches, not one request per event').toBeLessThan(10)
    expectEverySentEventStoredOnce(stored, sent)
    expect(foreign.list()).toEqual([])
    expect(pageErrors.list()).toEqual([])
  })
})
