import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchChromium } from './support/browser.js'
import { expectEverySentEventStoredOnce } from './support/delivery-assertions.js'
import { contactsWhere, countBy, waitForStoredEvents } from './support/oracle.js'
import { openScenario } from './support/scenario.js'
import { FIXTURES } from './support/sites.js'

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

test("a site's Brevo tracker calls work unchanged against the script tag", async () => {
  const { site, context, collector, pageErrors, sent } = await openScenario(browser, { site: FIXTURES })
  const page = await context.newPage()
  await page.goto(`${site.url}/brevo/index.html`)
  await page.waitForFunction(() => !Array.isArray(window.Brevo))
  await page.click('#update-cart')
  await page.click('#newsletter button')

  const stored = await waitForStoredEvents(collector, 4)
  // The script tag's own page view on load, plus the site's Brevo `page` call.
  expect(countBy(stored, (event) => event.name)).toEqual({ page_visited: 2, cart_updated: 1, identify: 1 })
  expect(stored.filter((event) => event.name === 'page_visited' && event.properties.name === 'cart page')).toEqual([
    expect.objectContaining({ properties: expect.objectContaining({ ma_title: 'Cart', path: '/brevo/index.html' }) }),
  ])
  const [cart] = stored.filter((event) => event.name === 'cart_updated')
  // Brevo's event_data ({id, data}) must survive: it is what cart-abandonment automations read.
  expect(JSON.stringify(cart?.properties)).toContain('"cart:1"')
  expect(JSON.stringify(cart?.properties)).toContain('"Enamel mug"')

  const contacts = await contactsWhere(collector, { email: 'grace@example.com' })
  expect(contacts).toHaveLength(1)
  expect(contacts[0]?.attributes).toMatchObject({ FIRSTNAME: 'Grace', LASTNAME: 'Hopper' })
  expect(new Set(stored.map((event) => event.contactId))).toEqual(new Set([contacts[0]?.id]))
  expectEverySentEventStoredOnce(stored, sent)
  expect(pageErrors.list()).toEqual([])
})
