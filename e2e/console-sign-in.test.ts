import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { expectAccessible } from './support/accessibility.js'
import { launchChromium } from './support/browser.js'
import { expectLayoutsHold } from './support/page-layouts.js'
import { openConsole, signIn } from './support/console-session.js'

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

describe('console sign-in', () => {
  test('a wrong key is refused with a message; the secret key opens the console; sign-out closes it', async () => {
    const { page, collector, problems } = await openConsole(browser, { allowStatuses: [401] })
    await page.goto(`${collector.url}/console/events`)
    await page.waitForURL('**/console/sign-in?next=%2Fconsole%2Fevents')
    await expectAccessible(page)
    await expectLayoutsHold(page, 'sign-in')

    await page.getByLabel('Secret key').fill('sk_not_the_right_one_123')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect.poll(() => page.getByRole('alert').textContent()).toContain("That is not this collector's secret key")
    await expectAccessible(page)
    await expectLayoutsHold(page, 'sign-in-wrong-key')

    await page.getByLabel('Secret key').fill(collector.secretKey)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(`${collector.url}/console/events`)
    const cookies = await page.context().cookies()
    expect(cookies).toEqual([expect.objectContaining({ name: 'sillage_console', httpOnly: true, sameSite: 'Strict' })])

    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.waitForURL('**/console/sign-in?signed-out')
    await expect.poll(() => page.getByRole('status').textContent()).toBe('You are signed out.')
    await page.goto(`${collector.url}/console`)
    await page.waitForURL('**/console/sign-in?next=%2Fconsole')
    expect(problems()).toEqual([])
  })

  test('an empty collector greets with the script tag to paste, and the keyboard moves between pages', async () => {
    const { page, collector, problems } = await openConsole(browser, { allowStatuses: [404] })
    await signIn(page, collector)
    await expect
      .poll(() => page.getByRole('heading', { level: 2 }).first().textContent())
      .toBe('No events in the last 14 days')
    const snippet = await page.getByLabel('Script tag to paste').textContent()
    expect(snippet).toContain(
      `<script async src="${collector.url}/sillage.js" data-write-key="${collector.writeKey}"></script>`,
    )
    await expectAccessible(page)
    await expectLayoutsHold(page, 'overview-empty')

    await page.keyboard.press('g')
    await page.keyboard.press('e')
    await page.waitForURL(`${collector.url}/console/events`)
    expect(await page.getByRole('heading', { name: 'No events yet' }).count()).toBe(1)
    await expectLayoutsHold(page, 'events-empty')
    await page.keyboard.press('/')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-name')
    await page.keyboard.press('Escape')
    await page.locator('body').click()
    await page.keyboard.press('g')
    await page.keyboard.press('c')
    await page.waitForURL(`${collector.url}/console/contacts`)
    await expectAccessible(page)
    await expectLayoutsHold(page, 'contacts-empty')

    const missing = `no-such-contact-${'x'.repeat(60)}`
    await page.goto(`${collector.url}/console/contacts/${missing}`)
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe(`No contact with id "${missing}": it may have been erased.`)
    await expectAccessible(page)
    await expectLayoutsHold(page, 'error-page')
    expect(problems()).toEqual([])
  })
})
