import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchChromium } from './support/browser.js'
import { expectEverySentEventStoredOnce } from './support/delivery-assertions.js'
import { ingestedCounts } from './support/ingested-counts.js'
import { countBy, waitForStoredEvents } from './support/oracle.js'
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

const PAGES = 10

// A visitor clicking through a site every two seconds, with the default flush timer (5 s):
// no page lives long enough to flush on its timer, so each page's events leave with its
// unload request, whose answer the page never sees. They stay in IndexedDB; the last page
// finds them all. Before receipts, it sent them all again (0.9 re-sent per stored event).
test('a visit of ten pages, one every two seconds, sends each event about once', async () => {
  const { site, context, collector, pageErrors, sent } = await openScenario(browser, {
    site: FIXTURES,
    tracker: { flushInterval: 5000 },
  })
  const page = await context.newPage()
  for (let n = 1; n <= PAGES; n += 1) {
    await page.goto(`${site.url}/site/index.html?page=${n}`)
    await trackerLoaded(page)
    await trackInPage(page, 'clicked', { n })
    // The visitor reads for two seconds, then clicks on (the last page stays open).
    await page.waitForTimeout(2000)
  }

  const stored = await waitForStoredEvents(collector, 2 * PAGES, { timeoutMs: 20_000, settleMs: 1_500 })
  expect(countBy(stored, (event) => event.name)).toEqual({ page_visited: PAGES, clicked: PAGES })
  expectEverySentEventStoredOnce(stored, sent)
  // Counted by the collector: the browser does not report the requests of a page it unloaded.
  const received = await ingestedCounts(collector)
  console.info(
    `[page-by-page] ${stored.length} events stored; the collector received ${received.accepted + received.duplicate}: ` +
      `${received.duplicate} re-sent (${(received.duplicate / stored.length).toFixed(2)} per stored event)`,
  )
  expect(received).toMatchObject({ accepted: 2 * PAGES, rejected: 0 })
  expect(received.duplicate / stored.length, 're-sent duplicates per stored event').toBeLessThan(0.1)
  expect(pageErrors.list()).toEqual([])
})
