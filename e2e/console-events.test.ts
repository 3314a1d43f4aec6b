import { readFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { expectAccessible } from './support/accessibility.js'
import { launchChromium } from './support/browser.js'
import { expectLayoutsHold } from './support/page-layouts.js'
import { openConsole, sendEvents, signIn } from './support/console-session.js'
import { storedEvents } from './support/oracle.js'

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

const HOUR = 3_600_000
/** Whole hours, so that the time-range filter can be typed at minute precision. */
const hoursAgo = (hours: number) => new Date(Math.floor(Date.now() / HOUR) * HOUR - hours * HOUR)

function shopEvents() {
  return [
    { type: 'page', name: 'Home', anonymousId: 'device-1', properties: { path: '/' }, timestamp: hoursAgo(5) },
    {
      type: 'track',
      event: 'cart_updated',
      anonymousId: 'device-1',
      properties: { total: 14, note: 'mug, "blue"' },
      timestamp: hoursAgo(4),
    },
    { type: 'track', event: 'cart_updated', anonymousId: 'device-2', properties: { total: 3 }, timestamp: hoursAgo(3) },
    {
      type: 'identify',
      anonymousId: 'device-1',
      userId: 'u-ann',
      traits: { email: 'ann@example.com' },
      timestamp: hoursAgo(2),
    },
    { type: 'track', event: 'order_completed', userId: 'u-ann', properties: { revenue: 22 }, timestamp: hoursAgo(1) },
  ].map((event, i) => ({ ...event, messageId: `console-e2e-${i}`, timestamp: event.timestamp.toISOString() }))
}

const eventRows = (page: Page) => page.locator('tr[data-event-row]')
const namesShown = (page: Page) => page.locator('tr[data-event-row] td.name').allTextContents()

/** `datetime-local` text for an instant, in the browser's zone (the context runs in Europe/Paris). */
const localInput = (page: Page, date: Date) =>
  page.evaluate((iso) => {
    const d = new Date(iso)
    const pad = (n: number) => String(n).padStart(2, '0')
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
  }, date.toISOString())

describe('console event log', () => {
  test('overview shows the chart, top names, contacts and ingestion counts', async () => {
    const { page, collector, problems } = await openConsole(browser)
    await sendEvents(collector, shopEvents())
    await signIn(page, collector)
    expect(await page.getByRole('img', { name: 'Events per day' }).count()).toBe(1)
    const topNames = page.getByRole('region', { name: 'Top event names' })
    expect(await topNames.getByRole('row').nth(1).textContent()).toBe('cart_updated2')
    const contacts = page.getByRole('region', { name: 'Contacts active in this period' })
    expect(await contacts.locator('dd').allTextContents()).toEqual(['1', '1'])
    const allContacts = page.getByRole('region', { name: 'All contacts' })
    expect(await allContacts.locator('dd').allTextContents()).toEqual(['1', '1'])
    const ingestion = page.getByRole('region', { name: 'Ingestion since the collector started' })
    expect(await ingestion.locator('dd').allTextContents()).toEqual(['5', '0', '0'])
    await expectAccessible(page)
    await expectLayoutsHold(page, 'overview')
    expect(problems()).toEqual([])
  })

  test('filters by name, type, contact and time range; opens a payload; shows local times', async () => {
    const { page, collector, problems } = await openConsole(browser)
    await sendEvents(collector, shopEvents())
    await signIn(page, collector, '/console/events')
    const everyName = ['order_completed', 'identify', 'cart_updated', 'cart_updated', 'page_visited']
    expect(await namesShown(page)).toEqual(everyName)
    // Localised by the script: the server's "… UTC" text is replaced, the ISO instant stays.
    const firstTime = page.locator('tr[data-event-row] time').first()
    expect(await firstTime.getAttribute('datetime')).toBe(hoursAgo(1).toISOString())
    expect(await firstTime.textContent()).not.toContain('UTC')
    await expectAccessible(page)
    await expectLayoutsHold(page, 'events')

    await page.getByLabel('Name').fill('cart_updated')
    await page.getByRole('button', { name: 'Apply' }).click()
    await page.waitForURL('**/console/events?name=cart_updated*')
    expect(await eventRows(page).count()).toBe(2)

    await page.getByLabel('Name').fill('')
    await page.getByLabel('Type').selectOption('identify')
    await page.getByRole('button', { name: 'Apply' }).click()
    await page.waitForURL('**type=identify*')
    expect(await namesShown(page)).toEqual(['identify'])

    await page.getByLabel('Type').selectOption('')
    await page.getByLabel('Contact').fill('ann@example.com')
    await page.getByRole('button', { name: 'Apply' }).click()
    await page.waitForURL('**contact=ann%40example.com*')
    expect(await namesShown(page)).toEqual(['order_completed', 'identify', 'cart_updated', 'page_visited'])

    await page.getByLabel('Contact').fill('')
    await page.getByLabel(/^From/).fill(await localInput(page, hoursAgo(4)))
    await page.getByLabel(/^To/).fill(await localInput(page, hoursAgo(2)))
    expect(await page.getByText('From (your time)').count()).toBe(1)
    await page.getByRole('button', { name: 'Apply' }).click()
    await page.waitForURL('**since=*')
    expect(await namesShown(page)).toEqual(['cart_updated', 'cart_updated'])

    const payload = eventRows(page).last().locator('details')
    await payload.locator('summary').click()
    expect(await payload.locator('pre').isVisible()).toBe(true)
    const shown = JSON.parse((await payload.locator('pre').textContent())!)
    expect(shown).toMatchObject({ name: 'cart_updated', properties: { total: 14, note: 'mug, "blue"' } })
    await expectAccessible(page)
    await expectLayoutsHold(page, 'event-payload')

    await page.keyboard.press('j')
    await page.keyboard.press('o')
    expect(await eventRows(page).first().locator('details').getAttribute('open')).toBe('')
    expect(problems()).toEqual([])
  })

  test('exports the filtered log as CSV and NDJSON downloads', async () => {
    const { page, collector, problems } = await openConsole(browser)
    await sendEvents(collector, shopEvents())
    await signIn(page, collector, '/console/events')
    await page.getByLabel('Name').fill('cart_updated')
    await page.getByRole('button', { name: 'Apply' }).click()
    await page.waitForURL('**name=cart_updated*')

    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'CSV' }).click()])
    expect(csv.suggestedFilename()).toMatch(/^sillage-events-.*\.csv$/)
    const csvText = await readFile((await csv.path())!, 'utf8')
    const lines = csvText.split('\r\n')
    expect(lines[0]).toBe(
      'timestamp,receivedAt,type,name,messageId,contactId,userId,email,anonymousId,identity,properties,context',
    )
    expect(lines.slice(1, -1)).toHaveLength(2)
    expect(csvText).toContain('"{""total"":14,""note"":""mug, \\""blue\\""""}"')

    const [ndjson] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'NDJSON' }).click(),
    ])
    const ndjsonText = await readFile((await ndjson.path())!, 'utf8')
    const exported = ndjsonText
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line))
    const stored = (await storedEvents(collector)).filter((event) => event.name === 'cart_updated').reverse()
    expect(exported).toEqual(stored)
    expect(problems()).toEqual([])
  })
})
