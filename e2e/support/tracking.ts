import type { Page } from 'playwright-core'

/** Waits until the script tag has loaded and replaced the queue with the tracker. */
export async function trackerLoaded(page: Page): Promise<void> {
  await page.waitForFunction(
    () => !Array.isArray(window.sillage) && typeof (window.sillage as SillageOnPage).track === 'function',
  )
}

/** `sillage.push(['track', name, properties])` in the page, as a host page's own code would. */
export async function trackInPage(page: Page, name: string, properties: Record<string, unknown> = {}): Promise<void> {
  await page.evaluate(
    ([eventName, eventProperties]) => {
      window.sillage.push(['track', eventName, eventProperties])
    },
    [name, properties] as const,
  )
}
