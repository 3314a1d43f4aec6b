import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchChromium } from './support/browser.js'
import { expectEverySentEventStoredOnce, propertiesOf } from './support/delivery-assertions.js'
import { NETWORK_FAILURE_LOG } from './support/page-errors.js'
import { countBy, sleep, waitForStoredEvents } from './support/oracle.js'
import { openScenario } from './support/scenario.js'
import { FIXTURES } from './support/sites.js'
import { trackerLoaded, trackInPage } from './support/tracking.js'

const TRACKER_SCRIPT = fileURLToPath(new URL('../packages/tracker/dist/sillage.js', import.meta.url))

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

test('events of three page loads made while the collector process is down are all delivered after it restarts', async () => {
  const { site, context, collector, pageErrors, sent } = await openScenario(browser, {
    site: FIXTURES,
    allowConsoleErrors: [NETWORK_FAILURE_LOG],
  })
  // The script itself comes from the browser's cache or a CDN in real life; here, from dist,
  // so that pages still load it while the collector is down.
  await context.route(`${collector.url}/sillage.js`, (route) =>
    route.fulfill({ path: TRACKER_SCRIPT, contentType: 'text/javascript; charset=utf-8' }),
  )
  const page = await context.newPage()
  await page.goto(`${site.url}/site/index.html`)
  await trackerLoaded(page)
  await waitForStoredEvents(collector, 1, { settleMs: 0 })

  await collector.stop()
  for (const load of [1, 2, 3]) {
    if (load > 1) await page.reload()
    await trackerLoaded(page)
    await trackInPage(page, 'while_down', { load, n: 1 })
    await trackInPage(page, 'while_down', { load, n: 2 })
    await sleep(1_000)
  }
  await collector.start()

  // The page open now delivers what the two unloaded pages left behind, too.
  const stored = await waitForStoredEvents(collector, 9, { timeoutMs: 30_000 })
  expect(countBy(stored, (event) => event.name)).toEqual({ page_visited: 3, while_down: 6 })
  expect(
    propertiesOf(stored, 'while_down')
      .map((properties) => `${properties.load}.${properties.n}`)
      .sort(),
  ).toEqual(['1.1', '1.2', '2.1', '2.2', '3.1', '3.2'])
  expectEverySentEventStoredOnce(stored, sent)
  expect(pageErrors.list()).toEqual([])
})
