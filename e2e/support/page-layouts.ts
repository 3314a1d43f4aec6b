import { mkdir } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { expect } from 'vitest'
import type { Page } from 'playwright-core'

/** Where the console tests leave their screenshots to be looked at (not committed). */
export const SCREENSHOT_DIR = fileURLToPath(new URL('../.screenshots/', import.meta.url))

const LAYOUTS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const

/**
 * Screenshots the page as it is at a laptop's and a phone's size, and fails when either
 * scrolls sideways (the layout does not hold). The viewport is put back afterwards.
 *
 * @example
 *   await expectLayoutsHold(page, 'contact-page')
 */
export async function expectLayoutsHold(page: Page, name: string): Promise<void> {
  const before = page.viewportSize()
  await mkdir(SCREENSHOT_DIR, { recursive: true })
  for (const layout of LAYOUTS) {
    await page.setViewportSize({ width: layout.width, height: layout.height })
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    await page.screenshot({ path: `${SCREENSHOT_DIR}${name}-${layout.name}.png`, fullPage: true })
    expect(
      overflow,
      `${name} scrolls sideways by ${overflow}px at ${layout.width}×${layout.height}`,
    ).toBeLessThanOrEqual(0)
  }
  if (before) await page.setViewportSize(before)
}
