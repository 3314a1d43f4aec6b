import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { expectAccessible } from './support/accessibility.js'
import { launchChromium } from './support/browser.js'
import { expectLayoutsHold } from './support/page-layouts.js'
import { openConsole, sendEvents, signIn } from './support/console-session.js'
import { contactsWhere } from './support/oracle.js'

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

const at = (minute: number) => new Date(Date.now() - (60 - minute) * 60_000).toISOString()

/** Ann signs up on her laptop, browses anonymously on her phone, then logs in there: two contacts merge. */
const annsStory = [
  { type: 'identify', userId: 'u-ann', traits: { email: 'ann@example.com', plan: 'pro' }, timestamp: at(1) },
  { type: 'track', event: 'cart_updated', anonymousId: 'phone-ann', properties: { total: 10 }, timestamp: at(2) },
  { type: 'track', event: 'cart_updated', anonymousId: 'phone-ann', properties: { total: 25 }, timestamp: at(3) },
  {
    type: 'track',
    event: 'order_completed',
    anonymousId: 'phone-ann',
    userId: 'u-ann',
    properties: { revenue: 25 },
    timestamp: at(4),
  },
  { type: 'track', event: 'cart_updated', anonymousId: 'someone-else', timestamp: at(5) },
].map((event, i) => ({ ...event, messageId: `contact-e2e-${i}` }))

describe('console contacts', () => {
  test('search, a contact with its summaries, timeline and merge, export, erase', async () => {
    const { page, collector, problems } = await openConsole(browser)
    await sendEvents(collector, annsStory)
    const [ann] = await contactsWhere(collector, { userId: 'u-ann' })
    expect(ann!.mergedFrom).toHaveLength(1)
    await signIn(page, collector, '/console/contacts')
    await expectAccessible(page)
    await expectLayoutsHold(page, 'contacts-list-short')

    await page.getByLabel('Email, userId, anonymousId or contact id').fill('phone-ann')
    await page.getByRole('button', { name: 'Search' }).click()
    await page.waitForURL('**/console/contacts?q=phone-ann')
    await page.getByRole('link', { name: 'ann@example.com' }).click()
    await page.waitForURL(`**/console/contacts/${ann!.id}`)
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('ann@example.com')

    const summaries = page.getByRole('table', { name: 'Per event name: how many, first and last time' })
    const rows = await summaries
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent)))
    expect(rows).toEqual([
      ['cart_updated', '2'],
      ['identify', '1'],
      ['order_completed', '1'],
    ])
    expect(await page.locator('tr[data-event-row]').count()).toBe(4)
    const identifiers = await page.getByRole('region', { name: 'Identifiers' }).textContent()
    expect(identifiers).toContain(ann!.mergedFrom[0])
    expect(identifiers).toContain('phone-ann')
    await expectAccessible(page)
    await expectLayoutsHold(page, 'contact-page')

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export (JSON)' }).click(),
    ])
    const exported = JSON.parse(await readFile((await download.path())!, 'utf8'))
    expect(exported.contact).toMatchObject({ id: ann!.id, email: 'ann@example.com', attributes: { plan: 'pro' } })
    expect(exported.events.map((event: { messageId: string }) => event.messageId).sort()).toEqual([
      'contact-e2e-0',
      'contact-e2e-1',
      'contact-e2e-2',
      'contact-e2e-3',
    ])

    await page.getByRole('link', { name: 'Erase…' }).click()
    await page.waitForURL(`**/console/contacts/${ann!.id}/erase`)
    await expectAccessible(page)
    await expectLayoutsHold(page, 'erase-confirmation')
    await page.getByRole('button', { name: 'Erase this contact' }).click()
    await page.waitForURL('**/console/contacts?erased=*')
    await expect
      .poll(() => page.getByRole('status').textContent())
      .toBe('Erased ann@example.com, with its identifiers, summaries and events.')
    expect(await contactsWhere(collector, { userId: 'u-ann' })).toEqual([])
    expect(await contactsWhere(collector, { anonymousId: 'someone-else' })).toHaveLength(1)
    await expectAccessible(page)
    await expectLayoutsHold(page, 'contacts-after-erase')
    expect(problems()).toEqual([])
  })
})
