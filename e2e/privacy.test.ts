import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchChromium } from './support/browser.js'
import { expectEverySentEventStoredOnce } from './support/delivery-assertions.js'
import { ingestedCounts } from './support/ingested-counts.js'
import { countBy, storedEvents, waitForStoredEvents } from './support/oracle.js'
import { openScenario } from './support/scenario.js'
import { NOTHING_ON_DEVICE, sillageOnDevice } from './support/sillage-on-device.js'
import { FIXTURES } from './support/sites.js'
import { trackerLoaded, trackInPage } from './support/tracking.js'

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

/** `sillage.flush()` in the page: resolves once the attempt is over (sent, or nothing to send). */
const flushInPage = (page: import('playwright-core').Page) =>
  page.evaluate(() => (window.sillage as SillageOnPage).flush!())

test('with data-require-consent nothing is stored or sent before consent; after it, what waited arrives once; a reload remembers', async () => {
  const { site, context, collector, pageErrors, sent } = await openScenario(browser, { site: FIXTURES })
  const page = await context.newPage()
  await page.goto(`${site.url}/consent/index.html`)
  await trackerLoaded(page)
  await trackInPage(page, 'before_consent', { n: 1 })
  await trackInPage(page, 'before_consent', { n: 2 })
  await flushInPage(page)

  expect(await sillageOnDevice(page)).toEqual(NOTHING_ON_DEVICE)
  expect(await ingestedCounts(collector)).toEqual({ accepted: 0, duplicate: 0, rejected: 0 })
  expect(await storedEvents(collector)).toEqual([])

  await page.evaluate(() => window.sillage.push(['consent', true]))
  const stored = await waitForStoredEvents(collector, 3)
  expect(countBy(stored, (event) => event.name)).toEqual({ page_visited: 1, before_consent: 2 })
  expect(await ingestedCounts(collector)).toEqual({ accepted: 3, duplicate: 0, rejected: 0 })
  const onDevice = await sillageOnDevice(page)
  expect(onDevice.cookies).toEqual([`sillage_aid=${stored[0]!.anonymousId}`])
  expect(onDevice.localStorage).toContain('sillage_consent')

  await page.reload()
  await trackerLoaded(page)
  await trackInPage(page, 'after_reload')
  const after = await waitForStoredEvents(collector, 5)
  expect(countBy(after, (event) => event.name)).toEqual({ page_visited: 2, before_consent: 2, after_reload: 1 })
  expect(new Set(after.map((event) => event.anonymousId)).size, 'one visitor across the reload').toBe(1)
  expectEverySentEventStoredOnce(after, sent)
  expect(pageErrors.list()).toEqual([])
})

test('when the browser sends Global Privacy Control nothing is stored or sent, across a reload', async () => {
  const { site, context, collector, pageErrors } = await openScenario(browser, { site: FIXTURES })
  await context.addInitScript(() =>
    Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }),
  )
  const page = await context.newPage()
  await page.goto(`${site.url}/site/index.html`)
  await trackerLoaded(page)
  await trackInPage(page, 'clicked')
  await page.evaluate(() => window.sillage.push(['identify', { email: 'ada@example.com' }]))
  await flushInPage(page)
  await page.reload()
  await trackerLoaded(page)
  await trackInPage(page, 'clicked')
  await flushInPage(page)

  expect(await sillageOnDevice(page)).toEqual(NOTHING_ON_DEVICE)
  expect(await ingestedCounts(collector)).toEqual({ accepted: 0, duplicate: 0, rejected: 0 })
  expect(pageErrors.list()).toEqual([])
})

test('cookieless: nothing is left on the device after two page loads, which are one visitor for the day', async () => {
  const { site, context, collector, pageErrors } = await openScenario(browser, { site: FIXTURES })
  const page = await context.newPage()
  await page.goto(`${site.url}/cookieless/index.html`)
  await trackerLoaded(page)
  await trackInPage(page, 'clicked', { n: 1 })
  await page.goto(`${site.url}/cookieless/index.html?second`)
  await trackerLoaded(page)
  await trackInPage(page, 'clicked', { n: 2 })

  const stored = await waitForStoredEvents(collector, 4)
  expect(countBy(stored, (event) => event.name)).toEqual({ page_visited: 2, clicked: 2 })
  // The tracker sends "$cookieless"; the collector files it under the day's salted id of this visitor.
  const anonymousIds = new Set(stored.map((event) => event.anonymousId))
  expect(anonymousIds.size).toBe(1)
  expect([...anonymousIds][0]).toMatch(/^cl_[\w-]{22}$/)
  expect(new Set(stored.map((event) => event.contactId)).size).toBe(1)
  expect(await sillageOnDevice(page)).toEqual(NOTHING_ON_DEVICE)
  expect(pageErrors.list()).toEqual([])
})
