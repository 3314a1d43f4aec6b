import { onTestFinished } from 'vitest'
import type { Browser, BrowserContext } from 'playwright-core'
import { startCollector, type RunningCollector } from './collector.js'
import { watchPageErrors } from './page-errors.js'
import { recordSentEvents } from './sent-events.js'
import { serveSite, type Site } from './sites.js'
import { TEST_TRACKER_OPTIONS, tuneTracker, type TrackerOptions } from './tracker-options.js'

export interface Scenario {
  collector: RunningCollector
  site: Site
  context: BrowserContext
  pageErrors: ReturnType<typeof watchPageErrors>
  sent: ReturnType<typeof recordSentEvents>
}

/**
 * Everything one test needs, fresh: a collector process with an empty SQLite file, the
 * site served against it, and a browser context with empty storage. Torn down when the
 * test ends, passed or failed.
 *
 * @example
 *   const { site, context, collector } = await openScenario(browser, { site: SHOP })
 */
export async function openScenario(
  browser: Browser,
  options: {
    site: string
    spaFallback?: boolean
    /** Console errors the test provokes on purpose (e.g. failed requests under fault injection). */
    allowConsoleErrors?: RegExp[]
    tracker?: TrackerOptions
    /** Extra collector flags, e.g. `['--identity-secret', secret]`. */
    collectorArgs?: string[]
  },
): Promise<Scenario> {
  const collector = await startCollector(options.collectorArgs)
  const cleanups: Array<() => Promise<unknown>> = [() => collector.dispose()]
  onTestFinished(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {})
  })
  const site = await serveSite(options.site, collector, { spaFallback: options.spaFallback ?? false })
  cleanups.push(() => site.close())
  const context = await browser.newContext()
  cleanups.push(() => context.close())
  await tuneTracker(context, { ...TEST_TRACKER_OPTIONS, ...options.tracker })
  return {
    collector,
    site,
    context,
    pageErrors: watchPageErrors(context, { allow: options.allowConsoleErrors ?? [] }),
    sent: recordSentEvents(context),
  }
}
