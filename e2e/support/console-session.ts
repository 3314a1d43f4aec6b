import { onTestFinished, expect } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { startCollector, type RunningCollector } from './collector.js'
import { watchPageErrors } from './page-errors.js'

export interface ConsoleSession {
  collector: RunningCollector
  context: BrowserContext
  page: Page
  /** Uncaught errors, console errors, failed requests and error answers, one line each. */
  problems: () => string[]
}

/**
 * A fresh collector process and a browser context on its console, torn down when the test
 * ends. Every failed request or error status is recorded as a problem, except the
 * statuses the test provokes on purpose (`allowStatuses`, e.g. 401 for a wrong key).
 * `collectorArgs` are added to the collector's command line (e.g. `--webhook-allow-private`).
 *
 * @example
 *   const { page, collector, problems } = await openConsole(browser)
 *   await signIn(page, collector)
 *   expect(problems()).toEqual([])
 */
export async function openConsole(
  browser: Browser,
  options: { allowStatuses?: number[]; collectorArgs?: string[] } = {},
): Promise<ConsoleSession> {
  const collector = await startCollector(options.collectorArgs)
  const context = await browser.newContext({ acceptDownloads: true, timezoneId: 'Europe/Paris', locale: 'fr-FR' })
  onTestFinished(async () => {
    await context.close().catch(() => {})
    await collector.dispose()
  })
  const allowed = new Set(options.allowStatuses ?? [])
  const pageErrors = watchPageErrors(context, {
    allow: [...allowed].map((status) => new RegExp(`^Failed to load resource: .* status of ${status}`)),
  })
  const failures: string[] = []
  context.on('requestfailed', (request) => {
    // A download ends its navigation request on purpose, and so does leaving the event log
    // its open live stream (a stream never completes: leaving cancels it), and leaving a page
    // before the browser fetched its icon (it asks after the load); anything else is a finding.
    const cancelledOnPurpose = /\/export\.\w+|\/console\/events\/live\?|\/console\/assets\/favicon\.svg$/.test(
      request.url(),
    )
    if (request.failure()?.errorText !== 'net::ERR_ABORTED' || !cancelledOnPurpose) {
      failures.push(`request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText})`)
    }
  })
  context.on('response', (response) => {
    if (response.status() >= 400 && !allowed.has(response.status())) {
      failures.push(`HTTP ${response.status()} for ${response.request().method()} ${response.url()}`)
    }
  })
  const page = await context.newPage()
  return { collector, context, page, problems: () => [...pageErrors.list(), ...failures] }
}

/**
 * Signs in as a person would: the sign-in page, the secret key typed into the password field.
 *
 * @example
 *   await signIn(page, collector)
 */
export async function signIn(page: Page, collector: RunningCollector, path = '/console'): Promise<void> {
  await page.goto(`${collector.url}${path}`)
  await page.waitForURL('**/console/sign-in?next=*')
  await page.getByLabel('Secret key').fill(collector.secretKey)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL(`${collector.url}${path}`)
}

/**
 * Sends events the way a server would (the write key, `/v1/batch`) and checks they were stored.
 *
 * @example
 *   await sendEvents(collector, [{ type: 'track', event: 'signup', anonymousId: 'a1', messageId: 'm1' }])
 */
export async function sendEvents(collector: RunningCollector, batch: Record<string, unknown>[]): Promise<void> {
  const response = await fetch(`${collector.url}/v1/batch`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Basic ${Buffer.from(`${collector.writeKey}:`).toString('base64')}`,
    },
    body: JSON.stringify({ batch }),
  })
  expect(await response.json()).toMatchObject({ accepted: batch.length, rejected: [] })
}
