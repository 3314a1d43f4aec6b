import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchChromium } from './support/browser.js'
import { expectEverySentEventStoredOnce, propertiesOf } from './support/delivery-assertions.js'
import { countBy, waitForStoredEvents } from './support/oracle.js'
import { openScenario } from './support/scenario.js'
import { FIXTURES, SHOP } from './support/sites.js'
import { trackerLoaded } from './support/tracking.js'

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

describe('script tag shop', () => {
  test('a visit from the product list to the thank-you page is stored event by event, each once', async () => {
    const { site, context, collector, pageErrors, sent } = await openScenario(browser, { site: SHOP })
    const page = await context.newPage()

    await page.goto(`${site.url}/index.html`)
    await page.click('[data-add-to-cart="sku-mug"]')
    await page.click('[data-add-to-cart="sku-tote"]')
    await page.click('a[href="cart.html"]')
    await page.waitForURL('**/cart.html')
    await page.click('[data-remove="sku-mug"]')
    await page.click('a[href="checkout.html"]')
    await page.waitForURL('**/checkout.html')
    await page.click('form[data-checkout] button')
    await page.waitForURL('**/thank-you.html?order=*')
    await trackerLoaded(page)

    const stored = await waitForStoredEvents(collector, 9)
    expect(countBy(stored, (event) => event.name)).toEqual({
      page_visited: 4,
      product_list_viewed: 1,
      cart_updated: 3,
      order_completed: 1,
    })
    expect(propertiesOf(stored, 'page_visited').map((properties) => properties.path)).toEqual([
      '/index.html',
      '/cart.html',
      '/checkout.html',
      '/thank-you.html',
    ])
    expect(propertiesOf(stored, 'cart_updated').map((properties) => properties.total)).toEqual([14, 36, 22])
    expect(propertiesOf(stored, 'order_completed')).toEqual([
      expect.objectContaining({ revenue: 22, currency: 'EUR', items: [expect.objectContaining({ sku: 'sku-tote' })] }),
    ])
    // One device, one anonymous visitor, one contact.
    expect(new Set(stored.map((event) => event.anonymousId)).size).toBe(1)
    expect(new Set(stored.map((event) => event.contactId)).size).toBe(1)
    expect(stored.every((event) => event.identity === 'anonymous')).toBe(true)
    expectEverySentEventStoredOnce(stored, sent)
    expect(pageErrors.list()).toEqual([])
  })

  test('commands pushed before the script has loaded are delivered, in the order they were pushed', async () => {
    const { site, context, collector, pageErrors, sent } = await openScenario(browser, { site: SHOP })
    const page = await context.newPage()
    // Hold the tracker script back so the page (and the test, as more host code) queues first.
    let releaseScript: () => void = () => {}
    const scriptHeld = new Promise<void>((resolve) => (releaseScript = resolve))
    await page.route(`${collector.url}/sillage.js`, async (route) => {
      await scriptHeld
      await route.continue()
    })

    await page.goto(`${site.url}/product.html?sku=sku-map`, { waitUntil: 'domcontentloaded' })
    const queuedBeforeLoad = await page.evaluate(() => {
      if (!Array.isArray(window.sillage)) return false
      for (const step of [1, 2, 3]) window.sillage.push(['track', 'queued_step', { step }])
      return true
    })
    expect(queuedBeforeLoad, 'window.sillage should still be the plain queue').toBe(true)
    releaseScript()
    await trackerLoaded(page)
    await page.evaluate(() => window.sillage.push(['track', 'after_load', {}]))

    const stored = await waitForStoredEvents(collector, 6)
    expect(countBy(stored, (event) => event.name)).toEqual({
      page_visited: 1,
      product_viewed: 1,
      queued_step: 3,
      after_load: 1,
    })
    const tracked = stored.filter((event) => event.type === 'track')
    expect(tracked.map((event) => [event.name, event.properties.step ?? event.properties.sku ?? null])).toEqual([
      ['product_viewed', 'sku-map'],
      ['queued_step', 1],
      ['queued_step', 2],
      ['queued_step', 3],
      ['after_load', null],
    ])
    const times = tracked.map((event) => Date.parse(event.originalTimestamp))
    expect(times, 'device timestamps follow the push order').toEqual([...times].sort((a, b) => a - b))
    expectEverySentEventStoredOnce(stored, sent)
    expect(pageErrors.list()).toEqual([])
  })

  test('a page that includes the script tag twice still records each event once', async () => {
    const { site, context, collector, pageErrors, sent } = await openScenario(browser, { site: FIXTURES })
    const page = await context.newPage()
    await page.goto(`${site.url}/site/twice.html`)
    await trackerLoaded(page)
    await page.evaluate(() => {
      window.sillage.push(['track', 'clicked', { n: 1 }])
      window.sillage.push(['track', 'clicked', { n: 2 }])
    })

    const stored = await waitForStoredEvents(collector, 3)
    expect(countBy(stored, (event) => event.name)).toEqual({ page_visited: 1, clicked: 2 })
    expectEverySentEventStoredOnce(stored, sent)
    expect(pageErrors.list()).toEqual([])
  })
})
