import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchChromium } from './support/browser.js'
import { expectEverySentEventStoredOnce, propertiesOf } from './support/delivery-assertions.js'
import { countBy, waitForStoredEvents } from './support/oracle.js'
import { openScenario } from './support/scenario.js'
import { SPA } from './support/sites.js'

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

test('a client-routed app records one page_visited per navigation and none for same-URL replaces', async () => {
  const { site, context, collector, pageErrors, sent } = await openScenario(browser, { site: SPA, spaFallback: true })
  const page = await context.newPage()
  await page.goto(`${site.url}/`)
  await page.waitForSelector('h1:text("Home")')

  await page.click('a[href="/products/mug"]') // pushState
  await page.waitForSelector('h1:text("Enamel mug")')
  await page.click('#add')
  await page.click('#remember-scroll') // replaceState, same URL: not a navigation
  await page.evaluate(() => history.replaceState({ tab: 'reviews' }, '', location.href))
  await page.click('a[href="/products/map"]') // pushState
  await page.waitForSelector('h1:text("Coastline map")')
  await page.click('a[href="/products/map"]') // the link to where we are: the router does not push
  await page.click('a[href="/cart"]') // pushState
  await page.waitForSelector('h1:text("Cart")')
  await page.goBack() // popstate
  await page.waitForSelector('h1:text("Coastline map")')
  await page.evaluate(() => history.replaceState(null, '', '/products/map?ref=promo')) // replaceState, new URL

  const stored = await waitForStoredEvents(collector, 7)
  expect(countBy(stored, (event) => event.name)).toEqual({ page_visited: 6, cart_updated: 1 })
  expect(
    propertiesOf(stored, 'page_visited').map((properties) => `${properties.path}${properties.search ?? ''}`),
  ).toEqual(['/', '/products/mug', '/products/map', '/cart', '/products/map', '/products/map?ref=promo'])
  expect(JSON.stringify(propertiesOf(stored, 'cart_updated'))).toContain('"cart:spa"')
  expectEverySentEventStoredOnce(stored, sent)
  expect(pageErrors.list()).toEqual([])
})
