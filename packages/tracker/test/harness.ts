/**
 * Gives the behaviour tests their tracker: from the TypeScript sources, or, with
 * SILLAGE_TEST_BUNDLE=iife, from the minified `dist/sillage.js` run in the happy-dom
 * window, so that terser's property mangling cannot break behaviour unseen.
 */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { vi } from 'vitest'
import type { Tracker, TrackerOptions } from '../src/types.js'

export const bundle = process.env.SILLAGE_TEST_BUNDLE === 'iife' ? 'iife' : 'src'
// (happy-dom replaces the global URL: paths are built with node:path.)
const iifePath = resolve(dirname(fileURLToPath(import.meta.url)), '../dist/sillage.js')

function runIife(): void {
  if (!existsSync(iifePath)) {
    throw new Error(`SILLAGE_TEST_BUNDLE=iife needs ${iifePath}: run \`npm run build\` first (\`npm test\` does).`)
  }
  // Indirect eval: global scope, as a <script> would run it.
  ;(0, eval)(readFileSync(iifePath, 'utf8'))
}

/** `createTracker`, from src or from the IIFE (which exposes it as `window.sillage.create`). */
export async function loadCreateTracker(): Promise<(options: TrackerOptions) => Tracker> {
  if (bundle === 'src') return (await import('../src/index.js')).createTracker
  const page = window as unknown as Record<string, unknown>
  const before = page.sillage
  delete page.sillage
  runIife()
  const create = (page.sillage as { create: (options: TrackerOptions) => Tracker }).create
  page.sillage = before
  return create
}

/** What `sillage.js` does when the page loads it: from src, or the IIFE itself. */
export async function loadSnippet(): Promise<void> {
  if (bundle === 'src') return (await import('../src/browser/install.js')).installSnippet()
  runIife()
}

let keys = 0
/** A write key of its own per test: its own IndexedDB queue, its own requests. */
export const uniqueWriteKey = () => `wk_${Date.now().toString(36)}_${++keys}`

export interface Sent {
  url: URL
  writeKey: string | null
  keepalive: boolean
  contentType: string | null
  bytes: number
  body: { batch: Array<Record<string, any>>; sentAt: string }
}

/**
 * `'committed-unanswered'`: the collector stores the batch but the page never gets the
 * answer (it was unloading): the request never settles.
 */
type Answer =
  | { status: number; headers?: Record<string, string> }
  | 'network-error'
  | 'committed-unanswered'
  | Promise<Response>

/**
 * A stand-in for the network in front of a collector: records each batch request of one
 * write key and answers with the statuses given to `answer`, then 200. It remembers the
 * messageIds of the batches it answered 200 and answers `POST /v1/receipts` from them
 * (those queries are recorded apart, in `receipts`; `receiptsDown()` makes them fail).
 * Requests of other write keys (trackers of earlier tests) get a 200 and are not recorded.
 */
export function fakeCollector(writeKey: string) {
  const requests: Sent[] = []
  const answers: Answer[] = []
  const stored = new Set<string>()
  const receipts: string[][] = []
  let receiptsWork = true
  const fetch = vi.fn(async (input: string | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), location.href)
    if (url.searchParams.get('writeKey') !== writeKey) return new Response('{}', { status: 200 })
    const text = String(init.body)
    if (url.pathname.endsWith('/v1/receipts')) {
      const { messageIds } = JSON.parse(text) as { messageIds: string[] }
      receipts.push(messageIds)
      if (!receiptsWork) throw new TypeError('Failed to fetch')
      return new Response(JSON.stringify({ stored: messageIds.filter((id) => stored.has(id)) }), { status: 200 })
    }
    requests.push({
      url,
      writeKey: url.searchParams.get('writeKey'),
      keepalive: !!init.keepalive,
      contentType: new Request(url, { method: 'POST', body: text }).headers.get('content-type'),
      bytes: new TextEncoder().encode(text).length,
      body: JSON.parse(text),
    })
    const answer = answers.shift() ?? { status: 200 }
    const remember = (response: Response) => {
      if (response.ok) for (const event of JSON.parse(text).batch) stored.add(event.messageId)
      return response
    }
    if (answer === 'network-error') throw new TypeError('Failed to fetch')
    if (answer === 'committed-unanswered') {
      remember(new Response(null, { status: 200 }))
      return new Promise<Response>(() => {})
    }
    if (answer instanceof Promise) return answer.then(remember)
    const ok = answer.status === 200
    if (ok) remember(new Response(null, { status: 200 }))
    return new Response(
      JSON.stringify(ok ? { accepted: 1, duplicates: 0, rejected: [] } : { error: { code: 'x', message: 'x' } }),
      {
        status: answer.status,
        headers: answer.headers,
      },
    )
  })
  vi.stubGlobal('fetch', fetch)
  return {
    requests,
    /** The messageIds of each receipts query, in order. */
    receipts,
    /** From now on, receipts queries fail with a network error (a collector without the route, or down). */
    receiptsDown: () => (receiptsWork = false),
    /** Answers for the next requests, in order. */
    answer: (...next: Answer[]) => answers.push(...next),
    /** Every event sent so far, in order. */
    events: () => requests.flatMap((request) => request.body.batch),
    names: () => requests.flatMap((request) => request.body.batch.map((event) => event.event ?? event.type)),
  }
}

/** Lets IndexedDB (fake-indexeddb schedules with setImmediate) and promises settle. */
export async function settle(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((resolve) => setImmediate(resolve))
}

/** The events of a write key's queue, read straight from IndexedDB. */
export async function storedEvents(writeKey: string): Promise<Array<Record<string, any>>> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('sillage-' + writeKey)
    request.onupgradeneeded = () => request.result.createObjectStore('events')
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
  const entries = await new Promise<Array<[string, string]>>((resolve, reject) => {
    const request = db.transaction('events', 'readonly').objectStore('events').getAll()
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
  db.close()
  return entries.map(([, json]) => JSON.parse(json))
}

/** Makes the page hidden (tab switch, navigation away), as browsers announce it. */
export function hidePage(): void {
  Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true })
  document.dispatchEvent(new Event('visibilitychange'))
}

export function showPage(): void {
  Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true })
  document.dispatchEvent(new Event('visibilitychange'))
}

/** Navigates the test page (happy-dom) without loading anything. */
export function setPageUrl(url: string): void {
  ;(window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url)
}

/**
 * `document.cookie` as a browser shows it now: happy-dom drops a cookie deleted with
 * max-age=0 only once its clock has moved past the deletion (Chromium at once; the e2e tests
 * check it there), so within the same millisecond the deleted cookie still shows.
 */
export function cookiesNow(): string {
  vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 1 })
  try {
    return document.cookie
  } finally {
    vi.useRealTimers()
  }
}
