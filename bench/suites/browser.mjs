import { existsSync } from 'node:fs'
import { chromium } from 'playwright-core'
import { startTrackerHost } from '../browser/tracker-host.mjs'
import { trackerPages } from '../browser/tracker-pages.mjs'
import { formatFixed, formatInt, markdownTable } from '../lib/markdown-table.mjs'
import { packageFile, sillageIife } from '../lib/tracker-builds.mjs'

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-blink-features=AutomationControlled',
]
const CHUNK = 100
const SETTLE_MS = 3000
const DEADLINE_MS = 8_000

/**
 * Suite 4 — main-thread cost of `track()` in headless Chromium. Each tracker gets its own
 * page and browser context; `calls` calls run in tasks of 100 (yielding through a
 * MessageChannel, as an app's event handlers would), then the page idles 3 s so batching
 * timers and network callbacks run too. A Chromium trace gives every main-thread task in
 * that window; the longest one is reported.
 */
export async function browserSuite({ calls, log }) {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  if (!existsSync(executablePath)) {
    return {
      markdown: `## 4. Tracker main-thread cost\n\nn/a: no Chromium at ${executablePath} (set CHROMIUM_PATH)\n`,
      data: [],
    }
  }
  const host = await startTrackerHost()
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true })
  const rows = []
  try {
    const userAgent = (
      await browser.newPage().then(async (p) => {
        const ua = await p.evaluate(() => navigator.userAgent)
        await p.close()
        return ua
      })
    ).replace('HeadlessChrome', 'Chrome')
    for (const tracker of trackerPages) {
      log(`browser: ${tracker.name}`)
      const row = await measureTracker({ browser, host, tracker, calls, userAgent })
      rows.push(row)
      log(
        `  → ${row.na ?? `p50 ${formatFixed(row.p50Us, 0)} µs, p99 ${formatFixed(row.p99Us, 0)} µs, longest task ${formatFixed(row.longestTaskMs, 1)} ms`}`,
      )
    }
  } finally {
    await browser.close()
    await host.close()
  }

  const table = markdownTable(
    [
      'tracker',
      'calls',
      'p50 µs/call',
      'p99 µs/call',
      'mean µs/call',
      'burst wall ms',
      'longest task ms',
      'requests sent',
      'events delivered',
    ],
    rows.map((r) =>
      r.na
        ? [r.name, r.na, '', '', '', '', '', '', '']
        : [
            r.name,
            formatInt(r.done) + (r.errors ? ` (${r.errors} threw)` : ''),
            formatFixed(r.p50Us, 0),
            formatFixed(r.p99Us, 0),
            formatFixed(r.meanUs, 1),
            formatInt(r.wallMs),
            formatFixed(r.longestTaskMs, 1),
            formatInt(r.requests),
            r.events === null ? '?' : formatInt(r.events),
          ],
    ),
    { align: ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'] },
  )
  const isolated = rows.some((r) => r.isolated === false)
    ? ' (pages were not cross-origin isolated: 100 µs timer resolution)'
    : ''
  const notes =
    `${formatInt(calls)} calls of the tracker's track() with 3 properties, ${CHUNK} calls per task, yielding between tasks; ` +
    `per-call times are the synchronous part of each call (performance.now, 5 µs resolution${isolated}). ` +
    `"burst wall" is the whole burst including the microtasks and the tracker's own tasks run between chunks; ` +
    `"longest task" is the longest main-thread task (Chromium trace) from the burst's start to ${SETTLE_MS / 1000} s after its end; ` +
    `"requests sent" and "events delivered" count what reached the local endpoint in that window (batching shows in the first; ` +
    `a tracker that falls behind or drops events shows in the second). ` +
    `A burst is cut at ${DEADLINE_MS / 1000} s.`
  return {
    markdown: `## 4. Tracker main-thread cost (headless Chromium)\n\n${notes}\n\n${table}\n`,
    data: rows.map(({ times, ...r }) => r),
  }
}

async function measureTracker({ browser, host, tracker, calls, userAgent }) {
  const missing = tracker.needs === 'sillage' ? !existsSync(sillageIife) : !installed(tracker.needs)
  if (missing)
    return {
      name: tracker.name,
      na: tracker.needs === 'sillage' ? 'n/a (tracker not built yet)' : 'n/a (not installed)',
    }

  const context = await browser.newContext({ userAgent })
  const page = await context.newPage()
  const pageErrors = []
  page.on('pageerror', (error) => pageErrors.push(error.message))
  try {
    await page.goto(`${host.url}/page/${encodeURIComponent(tracker.name)}`, { waitUntil: 'load' })
    await page.waitForFunction(() => window.__benchReady !== undefined, null, { timeout: 10_000 })
    await page.evaluate(() => window.__benchReady)
    await page.waitForTimeout(500) // let start-up work (settings fetch, storage) finish first
    host.takeCounts()

    await browser.startTracing(page, { categories: ['toplevel', 'blink.user_timing'] })
    const burst = await page.evaluate(
      ([n, chunk, deadline]) => window.__runBurst(n, chunk, deadline),
      [calls, CHUNK, DEADLINE_MS],
    )
    await page.waitForTimeout(SETTLE_MS)
    await page.evaluate(() => performance.mark('bench-settled'))
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8'))
    const { requests, events } = host.takeCounts()
    const longTasks = await page.evaluate(
      (start) => window.__benchLongTasks.filter((t) => t.start + t.duration >= start),
      burst.startedAt,
    )

    const sorted = Float64Array.from(burst.times).sort()
    const percentile = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] * 1000
    const longestFromTrace = longestMainThreadTaskMs(trace)
    return {
      name: tracker.name,
      done: burst.done,
      errors: burst.errors,
      firstError: burst.firstError,
      isolated: burst.isolated,
      p50Us: percentile(0.5),
      p99Us: percentile(0.99),
      meanUs: (sorted.reduce((a, b) => a + b, 0) / sorted.length) * 1000,
      wallMs: burst.wallMs,
      longestTaskMs: longestFromTrace ?? Math.max(0, ...longTasks.map((t) => t.duration)),
      longestTaskSource: longestFromTrace === null ? 'longtask observer (≥ 50 ms only)' : 'trace',
      requests,
      events,
      pageErrors: pageErrors.slice(0, 3),
      times: burst.times,
    }
  } catch (error) {
    return { name: tracker.name, na: `n/a (${error.message.split('\n')[0].slice(0, 120)})`, pageErrors }
  } finally {
    await context.close()
  }
}

/**
 * The longest task on the renderer main thread between the `bench-burst-start` and
 * `bench-settled` marks. The marks are emitted on that very thread, so they identify it.
 */
function longestMainThreadTaskMs(trace) {
  const events = trace.traceEvents ?? trace
  const start = events.find((e) => e.name === 'bench-burst-start')
  const end = events.find((e) => e.name === 'bench-settled')
  if (!start || !end) return null
  let longest = 0
  for (const e of events) {
    if (e.ph !== 'X' || e.pid !== start.pid || e.tid !== start.tid) continue
    if (e.name !== 'ThreadControllerImpl::RunTask' && e.name !== 'RunTask') continue
    if (e.ts + (e.dur ?? 0) < start.ts || e.ts > end.ts) continue
    longest = Math.max(longest, e.dur ?? 0)
  }
  return longest / 1000
}

function installed(name) {
  try {
    packageFile(name, 'package.json')
    return true
  } catch {
    return false
  }
}
