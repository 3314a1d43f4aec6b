import { createHmac } from 'node:crypto'
import { afterAll, beforeAll, expect, onTestFinished, test } from 'vitest'
import type { Browser } from 'playwright-core'
import type { ContactDetail } from '@sillage/protocol'
import { launchChromium } from './support/browser.js'
import { expectEverySentEventStoredOnce } from './support/delivery-assertions.js'
import { contactsWhere, countBy, waitForStoredEvents } from './support/oracle.js'
import { openScenario } from './support/scenario.js'
import { watchPageErrors } from './support/page-errors.js'
import { recordSentEvents } from './support/sent-events.js'
import { FIXTURES, SHOP } from './support/sites.js'
import { TEST_TRACKER_OPTIONS, tuneTracker } from './support/tracker-options.js'
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
  expect(countBy(anonymous, (event) => event.name)).toEqual({
    page_visited: 2,
    product_list_viewed: 1,
    cart_updated: 1,
  })
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
  expectEverySentEventStoredOnce(stored, sent)
  expect(pageErrors.list()).toEqual([])
})

test('with identity verification on, only an identify signed by the site server identifies the visitor', async () => {
  const identitySecret = 'e2e-identity-secret-0123456789abcdef'
  const { site, context, collector, pageErrors, sent } = await openScenario(browser, {
    site: FIXTURES,
    collectorArgs: ['--identity-secret', identitySecret],
  })
  // What the site's server puts in the page for its logged-in user (Intercom's user hash).
  const userHash = createHmac('sha256', identitySecret).update('user-signed').digest('hex')
  const signed = await context.newPage()
  await signed.goto(`${site.url}/site/index.html`)
  await trackerLoaded(signed)
  await signed.evaluate((hash) => {
    window.sillage.push(['identify', { userId: 'user-signed', userHash: hash }])
    window.sillage.push(['track', 'signed_in_action', {}])
  }, userHash)
  await waitForStoredEvents(collector, 3, { settleMs: 0 })

  // Another device claims a userId without the hash (a forged or stale identify).
  const otherDevice = await browser.newContext()
  onTestFinished(() => otherDevice.close())
  await tuneTracker(otherDevice, TEST_TRACKER_OPTIONS)
  const otherErrors = watchPageErrors(otherDevice)
  const otherSent = recordSentEvents(otherDevice)
  const forged = await otherDevice.newPage()
  await forged.goto(`${site.url}/site/index.html`)
  await trackerLoaded(forged)
  await forged.evaluate(() => {
    window.sillage.push(['identify', { userId: 'user-signed' }])
    window.sillage.push(['track', 'forged_action', {}])
  })

  const stored = await waitForStoredEvents(collector, 6)
  expect(countBy(stored, (event) => event.name)).toEqual({
    page_visited: 2,
    identify: 2,
    signed_in_action: 1,
    forged_action: 1,
  })
  const [contact, ...others] = await contactsWhere(collector, { userId: 'user-signed' })
  expect(others).toEqual([])
  const signedDevice = stored.find((event) => event.name === 'signed_in_action')!.anonymousId
  const forgedDevice = stored.find((event) => event.name === 'forged_action')!.anonymousId
  expect(forgedDevice).not.toBe(signedDevice)
  const byDevice = (device: string | null) => stored.filter((event) => event.anonymousId === device)
  expect(byDevice(signedDevice).map((event) => event.contactId)).toEqual([contact?.id, contact?.id, contact?.id])
  expect(
    byDevice(signedDevice)
      .filter((event) => event.type !== 'page')
      .map((event) => event.identity),
  ).toEqual(['identified', 'identified'])
  // The forged claim is kept, marked, and gives the other device nothing of the user's contact.
  expect(
    byDevice(forgedDevice)
      .filter((event) => event.type !== 'page')
      .map((event) => event.identity),
  ).toEqual(['unverified', 'unverified'])
  expect(byDevice(forgedDevice).every((event) => event.contactId !== contact?.id)).toBe(true)
  expect(contact?.anonymousIds).toEqual([signedDevice])
  expectEverySentEventStoredOnce(stored, sent, otherSent)
  expect([...pageErrors.list(), ...otherErrors.list()]).toEqual([])
})
