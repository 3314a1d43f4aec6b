/**
 * One page per tracker. Each loads the tracker's published build from the local host,
 * points it at that same host, waits until it is ready, and sets `window.__benchTrack(i)`
 * to the tracker's own one-call equivalent of `track(name, properties)`. Settings are
 * each tracker's defaults, minus automatic page views/autocapture, so only `track()`
 * costs are measured.
 */
export const trackerPages = [
  {
    name: 'Sillage',
    needs: 'sillage',
    head: `
<script>window.sillage = window.sillage || [];</script>
<script src="/sillage/sillage.js" data-write-key="bench-write-key"></script>`,
    setup: `
  await new Promise((resolve) => {
    const ready = () => typeof window.sillage?.track === 'function' && !Array.isArray(window.sillage)
    if (ready()) return resolve()
    const timer = setInterval(() => ready() && (clearInterval(timer), resolve()), 10)
  })
  return (i) => window.sillage.track('bench_event', { i, plan: 'pro', value: 42 })`,
  },
  {
    name: '@segment/analytics-next',
    needs: '@segment/analytics-next',
    head: `<script src="/vendor/@segment/analytics-next/dist/umd/index.js"></script>`,
    setup: `
  const [analytics] = await window.AnalyticsNext.AnalyticsBrowser.load(
    { writeKey: 'bench-write-key', cdnURL: location.origin },
  )
  return (i) => analytics.track('bench_event', { i, plan: 'pro', value: 42 })`,
  },
  {
    name: '@rudderstack/analytics-js',
    needs: '@rudderstack/analytics-js',
    head: `<script src="/vendor/@rudderstack/analytics-js/dist/npm/modern/bundled/umd/index.js"></script>`,
    setup: `
  const RudderAnalytics = window.rudderanalytics.RudderAnalytics
  const analytics = new RudderAnalytics()
  await new Promise((resolve) => {
    analytics.load('bench-write-key', location.origin, {
      configUrl: location.origin,
      destSDKBaseURL: location.origin + '/rudder-destinations',
      pluginsSDKBaseURL: location.origin + '/rudder-plugins',
      polyfillIfRequired: false,
      logLevel: 'ERROR',
      onLoaded: resolve,
    })
    analytics.ready(resolve)
  })
  return (i) => analytics.track('bench_event', { i, plan: 'pro', value: 42 })`,
  },
  {
    name: 'posthog-js',
    needs: 'posthog-js',
    head: `<script src="/vendor/posthog-js/dist/array.js"></script>`,
    setup: `
  const posthog = window.posthog
  await new Promise((resolve) => {
    posthog.init('phc_bench', {
      api_host: location.origin,
      autocapture: false,
      capture_pageview: false,
      capture_pageleave: false,
      disable_session_recording: true,
      disable_surveys: true,
      advanced_disable_flags: true,
      opt_out_useragent_filter: true,
      loaded: resolve,
    })
  })
  return (i) => posthog.capture('bench_event', { i, plan: 'pro', value: 42 })`,
  },
  {
    name: '@snowplow/browser-tracker',
    needs: '@snowplow/browser-tracker',
    head: `<script src="/vendor/@snowplow/browser-tracker/dist/index.umd.min.js"></script>`,
    setup: `
  const snowplow = window.snowplowBrowserTracking
  snowplow.newTracker('bench', location.origin, { appId: 'bench' })
  return (i) => snowplow.trackStructEvent({ category: 'bench', action: 'bench_event', label: 'pro', property: String(i), value: 42 })`,
  },
  {
    name: '@plausible-analytics/tracker',
    needs: '@plausible-analytics/tracker',
    head: '',
    module: true,
    setup: `
  const { init, track } = await import('/vendor/@plausible-analytics/tracker/plausible.js')
  init({ domain: 'bench.example', endpoint: location.origin + '/api/event', autoCapturePageviews: false, captureOnLocalhost: true, logging: false })
  return (i) => track('bench_event', { props: { i: String(i), plan: 'pro', value: '42' } })`,
  },
]

/** The burst, run inside the page: `calls` track() calls, `chunk` per task, bounded by `deadlineMs`. */
const burstScript = `
window.__benchLongTasks = []
try {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__benchLongTasks.push({ start: entry.startTime, duration: entry.duration })
  }).observe({ type: 'longtask', buffered: true })
} catch {}

window.__runBurst = async function runBurst(calls, chunk, deadlineMs) {
  const track = window.__benchTrack
  const times = new Float64Array(calls)
  const channel = new MessageChannel()
  const nextTask = () => new Promise((resolve) => { channel.port1.onmessage = () => resolve(); channel.port2.postMessage(null) })
  await nextTask()
  performance.mark('bench-burst-start')
  const start = performance.now()
  let done = 0
  let errors = 0
  let firstError = null
  while (done < calls) {
    const end = Math.min(calls, done + chunk)
    for (let i = done; i < end; i++) {
      const t0 = performance.now()
      try { track(i) } catch (error) { errors++; firstError ??= String(error) }
      times[i] = performance.now() - t0
    }
    done = end
    await nextTask()
    if (performance.now() - start > deadlineMs) break
  }
  const wallMs = performance.now() - start
  performance.mark('bench-burst-end')
  return { done, errors, firstError, wallMs, startedAt: start, times: Array.from(times.subarray(0, done)), isolated: self.crossOriginIsolated }
}
`

/** The HTML of one tracker's page. */
export function pageHtml(page) {
  const setup = `window.__benchReady = (async () => {${page.setup}\n})().then((track) => { window.__benchTrack = track; return true })`
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>bench ${page.name}</title>
<script>${burstScript}</script>
${page.head}
<script${page.module ? ' type="module"' : ''}>${setup}</script>
</head><body><h1>${page.name}</h1></body></html>`
}
