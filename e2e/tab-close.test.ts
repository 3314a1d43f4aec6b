import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchChromium } from './support/browser.js'
import { expectEverySentEventStoredOnce, propertiesOf } from './support/delivery-assertions.js'
import { countBy, waitForStoredEvents } from './support/oracle.js'
import { openScenario } from './support/scenario.js'
import { FIXTURES } from './support/sites.js'
import { trackerLoaded, trackInPage } from './support/tracking.js'
import { SLOW_FLUSH_TRACKER_OPTIONS } from './support/tracker-options.js'

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

// The flush timer is made too slow to matter: only the page-hidden flush (keepalive or
// beacon) can deliver these events, and no later page of the site exists to pick them up.

test('events tracked right before the tab is closed are delivered', async () => {
  const { site, context, collector, pageErrors, sent } = await openScenario(browser, {
    site: FIXTURES,
    tracker: SLOW_FLUSH_TRACKER_OPTIONS,
  })
  const page = await context.newPage()
  await page.goto(`${site.url}/site/index.html`)
  await trackerLoaded(page)

  for (let n = 1; n <= 3; n += 1) await trackInPage(page, 'before_close', { n })
  await page.close({ runBeforeUnload: true })

  const stored = await waitForStoredEvents(collector, 4, { timeoutMs: 10_000 })
  expect(countBy(stored, (event) => event.name)).toEqual({ page_visited: 1, before_close: 3 })
  expect(propertiesOf(stored, 'before_close').map((properties) => properties.n)).toEqual([1, 2, 3])
  expectEverySentEventStoredOnce(stored, sent)
  expect(pageErrors.list()).toEqual([])
})

test('events tracked right before leaving for another site are delivered', async () => {
  const { site, context, collector, pageErrors, sent } = await openScenario(browser, {
    site: FIXTURES,
    tracker: SLOW_FLUSH_TRACKER_OPTIONS,
  })
  const page = await context.newPage()
  await page.goto(`${site.url}/site/index.html`)
  await trackerLoaded(page)

  for (let n = 1; n <= 3; n += 1) await trackInPage(page, 'before_leaving', { n })
  await page.click('#leave')
  await page.waitForURL('about:blank')

  const stored = await waitForStoredEvents(collector, 4, { timeoutMs: 10_000 })
  expect(countBy(stored, (event) => event.name)).toEqual({ page_visited: 1, before_leaving: 3 })
  expectEverySentEventStoredOnce(stored, sent)
  expect(pageErrors.list()).toEqual([])
  await page.close()
})

test('a burst of events cut short by a navigation is delivered in full, once, by the unload flush and the next page', async () => {
  const { site, context, collector, pageErrors, sent } = await openScenario(browser, { site: FIXTURES })
  const page = await context.newPage()
  await page.goto(`${site.url}/site/index.html`)
  await trackerLoaded(page)

  // 150 events of ~600 bytes: more than one flushAt batch and more than one 64 KB beacon.
  await page.evaluate(() => {
    for (let n = 1; n <= 150; n += 1) window.sillage.push(['track', 'burst', { n, note: 'x'.repeat(400) }])
    location.href = '/site/index.html?next'
  })
  await page.waitForURL('**/site/index.html?next')
  await trackerLoaded(page)

  const stored = await waitForStoredEvents(collector, 152, { timeoutMs: 20_000, settleMs: 1_500 })
  expect(countBy(stored, (event) => event.name)).toEqual({ page_visited: 2, burst: 150 })
  const numbers = propertiesOf(stored, 'burst').map((properties) => properties.n as number)
  expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: 150 }, (_, i) => i + 1))
  expectEverySentEventStoredOnce(stored, sent)
  expect(pageErrors.list()).toEqual([])
})
