import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchChromium } from './support/browser.js'
import { expectEverySentEventStoredOnce, propertiesOf } from './support/delivery-assertions.js'
import { NETWORK_FAILURE_LOG } from './support/page-errors.js'
import { countBy, sleep, storedEvents, waitForStoredEvents } from './support/oracle.js'
import { openScenario } from './support/scenario.js'
import { FIXTURES } from './support/sites.js'
import { trackerLoaded, trackInPage } from './support/tracking.js'

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

test('events tracked while the browser is offline are all delivered once it is back online', async () => {
  const { site, context, collector, pageErrors, sent } = await openScenario(browser, {
    site: FIXTURES,
    allowConsoleErrors: [NETWORK_FAILURE_LOG],
  })
  const page = await context.newPage()
  await page.goto(`${site.url}/site/index.html`)
  await trackerLoaded(page)
  await waitForStoredEvents(collector, 1, { settleMs: 0 })

  await context.setOffline(true)
  for (let n = 1; n <= 5; n += 1) {
    await trackInPage(page, 'offline_event', { n })
    await sleep(300)
  }
  // Long enough for the tracker to try (and fail) at least once.
  await sleep(2_000)
  expect((await storedEvents(collector)).length, 'nothing can arrive while offline').toBe(1)

  // Coming back online is itself a reason to flush: no waiting out a long backoff.
  await context.setOffline(false)
  const stored = await waitForStoredEvents(collector, 6, { timeoutMs: 5_000 })
  expect(countBy(stored, (event) => event.name)).toEqual({ page_visited: 1, offline_event: 5 })
  expect(propertiesOf(stored, 'offline_event').map((properties) => properties.n)).toEqual([1, 2, 3, 4, 5])
  expectEverySentEventStoredOnce(stored, sent)
  expect(pageErrors.list()).toEqual([])
})
