import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { expectAccessible } from './support/accessibility.js'
import { launchChromium } from './support/browser.js'
import { expectLayoutsHold } from './support/page-layouts.js'
import { openConsole, sendEvents, signIn } from './support/console-session.js'

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

const namesShown = (page: Page) => page.locator('tr[data-event-row] td.name').allTextContents()
const liveStatus = (page: Page) => page.locator('[data-live-status]')

/** Marks the document: if the page reloads, the mark is gone. */
const markDocument = (page: Page) => page.evaluate(() => document.body.setAttribute('data-e2e-mark', 'same-document'))
const sameDocument = async (page: Page) =>
  (await page.locator('body').getAttribute('data-e2e-mark')) === 'same-document'

describe('console live event log', () => {
  test('new events appear at the top as they are stored, without a reload', async () => {
    const { page, collector, problems } = await openConsole(browser)
    await sendEvents(collector, [{ type: 'track', event: 'before_load', anonymousId: 'd1', messageId: 'live-0' }])
    await signIn(page, collector, '/console/events')
    await expect.poll(() => liveStatus(page).textContent()).toBe('Live: new events appear at the top as they arrive.')
    await markDocument(page)

    await sendEvents(collector, [
      { type: 'track', event: 'cart_updated', anonymousId: 'd1', messageId: 'live-1', properties: { total: 3 } },
    ])
    await page.locator('tr[data-message-id="live-1"]').waitFor()
    await sendEvents(collector, [{ type: 'track', event: 'order_completed', userId: 'u-ann', messageId: 'live-2' }])
    await page.locator('tr[data-message-id="live-2"]').waitFor()
    expect(await namesShown(page)).toEqual(['order_completed', 'cart_updated', 'before_load'])
    expect(await sameDocument(page)).toBe(true)
    // The row is the server's own: local time, contact link, payload behind its summary.
    const row = page.locator('tr[data-message-id="live-2"]')
    expect(await row.locator('time').textContent()).not.toContain('UTC')
    expect(await row.getByRole('link').textContent()).toBe('u-ann')
    await row.getByText('order_completed payload').click()
    expect(await row.locator('pre').textContent()).toContain('"messageId": "live-2"')
    await expectAccessible(page)
    expect(await liveStatus(page).textContent()).toBe('Live: new events appear at the top as they arrive.')
    expect(problems()).toEqual([])
  })

  test('the live view keeps to the active filters, and starts on an empty log', async () => {
    const { page, collector, problems } = await openConsole(browser)
    await signIn(page, collector, '/console/events?name=order_completed')
    expect(await page.locator('table[data-live-table]').isHidden()).toBe(true)
    await expect.poll(() => liveStatus(page).textContent()).toContain('Live')
    await markDocument(page)

    await sendEvents(collector, [
      { type: 'track', event: 'cart_updated', anonymousId: 'd1', messageId: 'filtered-out' },
      { type: 'track', event: 'order_completed', anonymousId: 'd1', messageId: 'kept-1' },
    ])
    await page.locator('tr[data-message-id="kept-1"]').waitFor()
    await sendEvents(collector, [
      { type: 'page', name: 'Pricing', anonymousId: 'd2', messageId: 'filtered-out-2' },
      { type: 'track', event: 'order_completed', anonymousId: 'd2', messageId: 'kept-2' },
    ])
    await page.locator('tr[data-message-id="kept-2"]').waitFor()
    expect(await namesShown(page)).toEqual(['order_completed', 'order_completed'])
    expect(await page.locator('section.empty').count()).toBe(0)
    expect(await sameDocument(page)).toBe(true)
    await expectAccessible(page)
    expect(problems()).toEqual([])
  })

  test('without JavaScript the log says when it was loaded and its Refresh link shows new events', async () => {
    const { collector } = await openConsole(browser)
    const context = await browser.newContext({ javaScriptEnabled: false })
    try {
      const page = await context.newPage()
      await signIn(page, collector, '/console/events')
      expect(await liveStatus(page).textContent()).toBe('Showing events up to when this page loaded.')
      await sendEvents(collector, [{ type: 'track', event: 'signed_up', anonymousId: 'd9', messageId: 'nojs-1' }])
      await page.getByRole('link', { name: 'Refresh' }).click()
      await page.locator('tr[data-message-id="nojs-1"]').waitFor()
      expect(await namesShown(page)).toEqual(['signed_up'])
    } finally {
      await context.close()
    }
  })
})

describe('console contacts list', () => {
  test('lists contacts most recently active first and pages through them', async () => {
    const { page, collector, problems } = await openConsole(browser)
    const start = Date.now() - 3_600_000
    const visitors = Array.from({ length: 62 }, (_, index) => ({
      type: 'track',
      event: 'page_viewed',
      anonymousId: `visitor-${String(index).padStart(2, '0')}`,
      messageId: `list-${index}`,
      timestamp: new Date(start + index * 1000).toISOString(),
    }))
    await sendEvents(collector, visitors)
    const zoe = { type: 'identify', userId: 'u-zoe', traits: { email: 'zoe@example.com' }, messageId: 'zoe' }
    await sendEvents(collector, [zoe])
    await signIn(page, collector, '/console/contacts')
    const rows = page.locator('tr[data-contact-row]')
    expect(await rows.count()).toBe(50)
    expect(await rows.first().locator('td').first().textContent()).toBe('zoe@example.com')
    expect(await rows.nth(1).locator('td').first().textContent()).toBe('Anonymous visitor-61')
    expect(await rows.nth(1).locator('td').nth(3).textContent()).toBe('1')
    await expectAccessible(page)
    await expectLayoutsHold(page, 'contacts-list')

    await page.getByRole('link', { name: 'Less recently active' }).click()
    await page.waitForURL('**/console/contacts?cursor=*')
    expect(await rows.count()).toBe(13)
    expect(await rows.last().locator('td').first().textContent()).toBe('Anonymous visitor-00')
    expect(await page.getByRole('link', { name: 'Less recently active' }).count()).toBe(0)
    await expectAccessible(page)

    await page.getByRole('link', { name: 'Most recently active' }).click()
    await page.waitForURL('**/console/contacts')
    expect(await rows.count()).toBe(50)
    await rows.nth(1).getByRole('link').click()
    await page.getByRole('heading', { level: 1 }).waitFor()
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Anonymous')
    expect(problems()).toEqual([])
  })
})
