import type { BrowserContext } from 'playwright-core'
import type { TrackerOptions as PublicTrackerOptions } from '@sillage/tracker'

export type TrackerOptions = Partial<Pick<PublicTrackerOptions, 'flushAt' | 'flushInterval' | 'debug'>>

/** The default flush timer is 5 s; a quarter of a second keeps the suite quick without changing what is tested. */
export const TEST_TRACKER_OPTIONS: TrackerOptions = { flushInterval: 250 }

/** A timer too slow to matter: only the page-hidden flush (keepalive or beacon) can deliver. */
export const SLOW_FLUSH_TRACKER_OPTIONS: TrackerOptions = { flushInterval: 600_000 }

/**
 * Queues `['init', options]` before any script of the page runs, as a site would in its
 * snippet; the script tag applies queued `init` options before anything else.
 */
export async function tuneTracker(context: BrowserContext, options: TrackerOptions): Promise<void> {
  await context.addInitScript((initOptions) => {
    window.sillage = window.sillage || []
    window.sillage.push(['init', initOptions])
  }, options)
}
