import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Browser } from 'playwright-core'
import type { ContactDetail } from '@sillage/protocol'
import { launchChromium } from './support/browser.js'
import { expectEverySentEventStoredOnce } from './support/delivery-assertions.js'
import { contactsWhere, countBy, waitForStoredEvents } from './support/oracle.js'
import { openScenario } from './support/scenario.js'
import { SHOP } from './support/sites.js'
import { trackerLoaded } from './support/tracking.js'

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

test('signing in after browsing gives the anonymous history to the identified contact', async () => {
  const { site, context, collector, pageErrors, sent } = await openScenario(browser, { site: SHOP })
  const page = await context.newPage()

  // Anonymous: browse and fill the cart.
  await page.goto(`${site.url}/index.html`)
  await page.click('[data-add-to-cart="sku-map"]')
  await page.click('a[href="cart.html"]')
  await page.waitForURL('**/cart.html')
  await trackerLoaded(page)
  // Make sure the anonymous part is stored (and so resolved to an anonymous contact) first:
  // the collector then has to merge, not merely create.
  const anonymous = await waitForStoredEvents(collector, 4)
  expect(countBy(anonymous, (event) => event.name)).toEqual({ page_visited: 2, product_list_viewed: 1, cart_updated: 1 })
  expect(new Set(anonymous.map((event) => event.identity))).toEqual(new Set(['anonymous']))

  // Sign in at checkout, then order.
  await page.click('a[href="checkout.html"]')
  await page.waitForURL('**/checkout.html')
  await page.fill('form[data-login] input[name=email]', 'Ada.Lovelace@Example.com')
  await page.click('form[data-login] button')
  await page.waitForSelector('text=Signed in as Ada.Lovelace@Example.com')
  await page.click('form[data-checkout] button')
  await page.waitForURL('**/thank-you.html?order=*')
  await trackerLoaded(page)

  const stored = await waitForStoredEvents(collector, 8)
  expect(countBy(stored, (event) => event.name)).toEqual({
    page_visited: 4,
    product_list_viewed: 1,
    cart_updated: 1,
    identify: 1,
    order_completed: 1,
  })
  const contactIds = new Set(stored.map((event) => event.contactId))
  expect(contactIds.size, 'every event, before and after sign-in, belongs to one contact').toBe(1)

  const contacts = await contactsWhere(collector, { email: 'ada.lovelace@example.com' })
  expect(contacts).toHaveLength(1)
  const [contact] = contacts
  expect(contact?.id).toBe([...contactIds][0])
  expect(contact?.anonymousIds).toEqual([stored[0]?.anonymousId])
  expect(contact?.attributes).toMatchObject({ first_name: 'Ada' })

  const detail = (await fetch(`${collector.url}/v1/contacts/${contact?.id}`, {
    headers: { authorization: `Bearer ${collector.secretKey}` },
  }).then((response) => response.json())) as ContactDetail
  // Intercom-style summaries follow the merge too.
  expect(Object.fromEntries(detail.summaries.map((summary) => [summary.name, summary.count]))).toMatchObject({
    page_visited: 4,
    product_list_viewed: 1,
    cart_updated: 1,
    order_completed: 1,
  })
  expectEverySentEventStoredOnce(stored, sent.events())
  expect(pageErrors.list()).toEqual([])
})
