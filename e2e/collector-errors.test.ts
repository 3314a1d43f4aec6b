import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Browser, Route } from 'playwright-core'
import { launchChromium } from './support/browser.js'
import { eventsInRequest } from './support/sent-events.js'
import { expectEverySentEventStoredOnce, propertiesOf } from './support/delivery-assertions.js'
import { NETWORK_FAILURE_LOG } from './support/page-errors.js'
import { countBy, waitForStoredEvents } from './support/oracle.js'
import { openScenario } from './support/scenario.js'
import { FIXTURES } from './support/sites.js'
import { trackerLoaded, trackInPage } from './support/tracking.js'

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

const INGESTION = /\/v1\/(batch|track|page|identify)(\?|$)/

/** The collector's own error answer: JSON body, `Retry-After`, and the CORS headers that let the page read it. */
function errorReply(route: Route, status: number, retryAfterSeconds: number) {
  return route.fulfill({
    status,
    headers: {
      'content-type': 'application/json',
      'retry-after': String(retryAfterSeconds),
      'access-control-allow-origin': '*',
      'access-control-expose-headers': 'Retry-After',
    },
    body: JSON.stringify({
      error: { code: status === 429 ? 'rate_limited' : 'store_unavailable', message: 'injected by the test' },
    }),
  })
}

test('a collector answering 503, then 429, then healthy receives every event exactly once', async () => {
  const { site, context, collector, pageErrors, sent } = await openScenario(browser, {
    site: FIXTURES,
    allowConsoleErrors: [NETWORK_FAILURE_LOG],
  })
  const faults = [503, 503, 429]
  const answered: Array<{ status: number; at: number }> = []
  const attempts: number[] = []
  await context.route(INGESTION, async (route) => {
    attempts.push(Date.now())
    const status = faults.shift()
    if (status === undefined) return route.continue()
    answered.push({ status, at: Date.now() })
    return errorReply(route, status, 1)
  })

  const page = await context.newPage()
  await page.goto(`${site.url}/site/index.html`)
  await trackerLoaded(page)
  for (let n = 1; n <= 3; n += 1) await trackInPage(page, 'during_outage', { n })

  const stored = await waitForStoredEvents(collector, 4, { timeoutMs: 30_000 })
  expect(
    answered.map((reply) => reply.status),
    'every injected fault was hit',
  ).toEqual([503, 503, 429])
  expect(countBy(stored, (event) => event.name)).toEqual({ page_visited: 1, during_outage: 3 })
  expect(propertiesOf(stored, 'during_outage').map((properties) => properties.n)).toEqual([1, 2, 3])
  // Retry-After: 1 was honoured: no attempt came sooner than a second after a fault.
  for (const reply of answered) {
    const next = attempts.find((at) => at > reply.at)
    expect(next === undefined || next - reply.at >= 950, `retry ${next! - reply.at} ms after a ${reply.status}`).toBe(
      true,
    )
  }
  expectEverySentEventStoredOnce(stored, sent)
  expect(pageErrors.list()).toEqual([])
})

test('a batch committed by the collector whose answer is lost is retried with the same messageIds and stored once', async () => {
  const { site, context, collector, pageErrors, sent } = await openScenario(browser, {
    site: FIXTURES,
    allowConsoleErrors: [NETWORK_FAILURE_LOG],
  })
  const answerLost = new Set<string>()
  const resent = new Set<string>()
  let lostAnswers = 0
  await context.route(INGESTION, async (route) => {
    const ids = eventsInRequest(route.request()).map((event) => event.messageId)
    if (lostAnswers >= 2) {
      ids.forEach((id) => resent.add(id))
      return route.continue()
    }
    lostAnswers += 1
    // The collector stores the batch and answers 200; the page only ever sees a 503.
    const committed = await route.fetch()
    ids.forEach((id) => answerLost.add(id))
    if (committed.status() !== 200)
      throw new Error(`collector answered ${committed.status()}: ${await committed.text()}`)
    return errorReply(route, 503, 1)
  })

  const page = await context.newPage()
  await page.goto(`${site.url}/site/index.html`)
  await trackerLoaded(page)
  for (let n = 1; n <= 3; n += 1) await trackInPage(page, 'answer_lost', { n })

  // Both answers were lost, and every event whose answer was lost went out again (same messageId).
  await expect
    .poll(() => ({ lostAnswers, notResent: [...answerLost].filter((id) => !resent.has(id)) }), {
      timeout: 30_000,
      interval: 100,
    })
    .toEqual({ lostAnswers: 2, notResent: [] })
  const stored = await waitForStoredEvents(collector, 4)
  expect(countBy(stored, (event) => event.name)).toEqual({ page_visited: 1, answer_lost: 3 })
  expect(propertiesOf(stored, 'answer_lost').map((properties) => properties.n)).toEqual([1, 2, 3])
  expectEverySentEventStoredOnce(stored, sent)
  expect(pageErrors.list()).toEqual([])
})
