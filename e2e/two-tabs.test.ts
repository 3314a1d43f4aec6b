import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchChromium } from './support/browser.js'
import { expectEverySentEventStoredOnce, propertiesOf } from './support/delivery-assertions.js'
import { countBy, waitForStoredEvents } from './support/oracle.js'
import { openScenario } from './support/scenario.js'
import { FIXTURES } from './support/sites.js'
import { trackerLoaded } from './support/tracking.js'

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

const EVENTS_PER_TAB = 25

/** Tracks one event every few milliseconds, so both tabs write and flush at the same time. */
function trackBurst(page: Page, tab: string) {
  return page.evaluate(
    async ([tabName, count]) => {
      for (let n = 1; n <= count; n += 1) {
        window.sillage.push(['track', 'tab_event', { tab: tabName, n }])
        await new Promise((resolve) => setTimeout(resolve, 10 + Math.random() * 20))
      }
    },
    [tab, EVENTS_PER_TAB] as const,
  )
}

test('two tabs of the same site tracking at once deliver every event exactly once', async () => {
  const { site, context, collector, pageErrors, sent } = await openScenario(browser, { site: FIXTURES })
  const [left, right] = [await context.newPage(), await context.newPage()]
  // Both load at once, on a first visit: each tab may make a device id before the other's
  // write reaches it; the one whose id lost moves its queued events to the winner's.
  await Promise.all([left.goto(`${site.url}/site/index.html`), right.goto(`${site.url}/site/index.html`)])
  await Promise.all([trackerLoaded(left), trackerLoaded(right)])

  await Promise.all([trackBurst(left, 'left'), trackBurst(right, 'right')])

  const stored = await waitForStoredEvents(collector, 2 + 2 * EVENTS_PER_TAB, { timeoutMs: 20_000, settleMs: 1_500 })
  expect(countBy(stored, (event) => event.name)).toEqual({ page_visited: 2, tab_event: 2 * EVENTS_PER_TAB })
  const each = propertiesOf(stored, 'tab_event').map((properties) => `${properties.tab}#${properties.n}`)
  const expected = ['left', 'right'].flatMap((tab) =>
    Array.from({ length: EVENTS_PER_TAB }, (_, i) => `${tab}#${i + 1}`),
  )
  expect(each.sort()).toEqual(expected.sort())
  expect(new Set(stored.map((event) => event.anonymousId)).size, 'tabs of one browser are one device').toBe(1)
  // No page unloads here, so the wire recorder saw every request: what was sent is what is stored.
  expect(sent.messageIds()).toEqual(new Set(stored.map((event) => event.messageId)))
  expectEverySentEventStoredOnce(stored, sent)
  // Without faults, one tab flushing at a time means no event even goes over the wire twice.
  const sentIds = sent.events().map((event) => event.messageId)
  expect(sentIds.length, 'events sent more than once by the two tabs').toBe(new Set(sentIds).size)
  expect(pageErrors.list()).toEqual([])
})
