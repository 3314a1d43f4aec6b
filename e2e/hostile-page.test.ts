import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchChromium } from './support/browser.js'
import { expectEverySentEventStoredOnce, propertiesOf } from './support/delivery-assertions.js'
import { contactsWhere, countBy, waitForStoredEvents } from './support/oracle.js'
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

const HOSTILE_EVENTS = [
  'hostile_getter',
  'hostile_to_json',
  'hostile_circular',
  'hostile_bigint',
  'hostile_function',
  'hostile_element',
  'identify',
]

test('values that throw or cannot be cloned, and a broken JSON.stringify, never break the host page', async () => {
  const { site, context, collector, pageErrors, sent } = await openScenario(browser, { site: FIXTURES })
  const page = await context.newPage()
  await page.goto(`${site.url}/hostile/index.html`)
  await trackerLoaded(page)

  await page.click('#hostile-values')
  // The page's own handler ran to its end: no tracker call threw into it.
  await expect.poll(() => page.textContent('#status')).toBe('hostile values tracked')
  await page.click('#break-json')
  await expect.poll(() => page.textContent('#status')).toBe('tracked while JSON.stringify is broken')
  await expect.poll(() => page.textContent('#status'), { timeout: 5_000 }).toBe('JSON.stringify restored')

  const stored = await waitForStoredEvents(collector, 5, { settleMs: 1_500 })
  const counts = countBy(stored, (event) => event.name)
  // The sane events, including those tracked while the host had JSON.stringify broken
  // (they wait in IndexedDB, which does not need JSON), are all delivered, once.
  expect({
    page_visited: counts.page_visited,
    sane_after_hostile: counts.sane_after_hostile,
    while_json_broken: counts.while_json_broken,
    after_json_restored: counts.after_json_restored,
  }).toEqual({ page_visited: 1, sane_after_hostile: 1, while_json_broken: 2, after_json_restored: 1 })
  expect(propertiesOf(stored, 'while_json_broken').map((properties) => properties.n)).toEqual([1, 2])
  // A hostile value may cost its own event (or be sanitised into it), never more than once.
  for (const name of HOSTILE_EVENTS) expect(counts[name] ?? 0, name).toBeLessThanOrEqual(1)
  expectEverySentEventStoredOnce(stored, sent)
  expect(pageErrors.list()).toEqual([])
})

test('a page with frozen intrinsics and a polluted Object.prototype still gets its events delivered', async () => {
  const { site, context, collector, pageErrors, sent } = await openScenario(browser, { site: FIXTURES })
  const page = await context.newPage()
  await page.goto(`${site.url}/hostile/index.html?lockdown`)
  expect(await page.evaluate(() => Object.isFrozen(Object.prototype) && Object.isFrozen(JSON))).toBe(true)
  await trackerLoaded(page)
  await page.evaluate(() => {
    window.sillage.push(['track', 'locked_down', { n: 1 }])
    window.sillage.push(['identify', { email: 'frozen@example.com' }])
    window.sillage.push(['track', 'locked_down', { n: 2 }])
  })

  const stored = await waitForStoredEvents(collector, 4)
  expect(countBy(stored, (event) => event.name)).toEqual({ page_visited: 1, locked_down: 2, identify: 1 })
  // Inherited junk from the host's Object.prototype is not the user's data.
  for (const event of stored) {
    expect(Object.keys(event.properties), event.name).not.toContain('polluted')
    expect(Object.keys(event.context), event.name).not.toContain('polluted')
  }
  const contacts = await contactsWhere(collector, { email: 'frozen@example.com' })
  expect(contacts).toHaveLength(1)
  expect(new Set(stored.map((event) => event.contactId))).toEqual(new Set([contacts[0]?.id]))
  expectEverySentEventStoredOnce(stored, sent)
  expect(pageErrors.list()).toEqual([])
})
