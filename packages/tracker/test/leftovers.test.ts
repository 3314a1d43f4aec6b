import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Tracker, TrackerOptions } from '../src/types.js'
import {
  fakeCollector,
  hidePage,
  loadCreateTracker,
  settle,
  showPage,
  storedEvents,
  uniqueWriteKey,
} from './harness.js'

let createTracker: (options: TrackerOptions) => Tracker
beforeAll(async () => {
  createTracker = await loadCreateTracker()
})
afterEach(() => showPage())

const options = { endpoint: 'https://collector.test', flushInterval: 60_000, flushAt: 1000 }

/**
 * A page tracks `names` and unloads: its page-hide request carries them, the collector
 * commits them (or not: `answers`), and the page never sees the answer. Returns what the
 * collector saw. The next page is a second tracker on the same write key (same IndexedDB).
 */
async function pageThatUnloads(names: string[], answers: Parameters<ReturnType<typeof fakeCollector>['answer']>) {
  const writeKey = uniqueWriteKey()
  const collector = fakeCollector(writeKey)
  collector.answer(...answers)
  const page = createTracker({ writeKey, ...options })
  for (const name of names) page.track(name)
  await settle()
  hidePage()
  await settle()
  showPage()
  // The next page starts a second later: its own events sort after these.
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(Date.now() + 1000)
  return { writeKey, collector, unloaded: page }
}

describe('events an earlier page left queued', () => {
  it('are not sent again when the collector holds them: the next page asks for receipts and deletes them', async () => {
    const { writeKey, collector } = await pageThatUnloads(['a', 'b', 'c'], ['committed-unanswered'])
    expect(collector.names()).toEqual(['a', 'b', 'c'])
    expect(await storedEvents(writeKey)).toHaveLength(3)

    const next = createTracker({ writeKey, ...options })
    next.track('d')
    await next.flush()
    await settle()
    const leftoverIds = collector.requests[0]!.body.batch.map((event) => event.messageId)
    expect(collector.receipts).toEqual([leftoverIds])
    // Each event went over the wire once: a, b, c by the unloading page, d by the next one.
    expect(collector.names()).toEqual(['a', 'b', 'c', 'd'])
    expect(await storedEvents(writeKey)).toEqual([])
  })

  it('are sent again, same messageIds, when the collector does not hold them', async () => {
    // The unload request was lost: nothing committed.
    const { writeKey, collector } = await pageThatUnloads(['a', 'b'], ['network-error'])
    const next = createTracker({ writeKey, ...options })
    await next.flush()
    await settle()
    expect(collector.receipts).toHaveLength(1)
    expect(collector.requests[1]!.body.batch.map((event) => event.messageId)).toEqual(collector.receipts[0])
    expect(await storedEvents(writeKey)).toEqual([])
  })

  it('are sent again, and nothing is deleted unconfirmed, when the receipts query fails', async () => {
    const { writeKey, collector } = await pageThatUnloads(['a', 'b'], ['committed-unanswered'])
    collector.receiptsDown()
    const next = createTracker({ writeKey, ...options })
    // The resend is still queued until its own 200: nothing left IndexedDB on the failed query.
    let respond!: (response: Response) => void
    collector.answer(new Promise<Response>((resolve) => (respond = resolve)))
    const flushed = next.flush()
    await settle()
    expect(collector.names()).toEqual(['a', 'b', 'a', 'b'])
    expect(await storedEvents(writeKey)).toHaveLength(2)
    respond(new Response('{}', { status: 200 }))
    await flushed
    await settle()
    expect(await storedEvents(writeKey)).toEqual([])
  })

  it("are asked about once per page, and the page's own events never", async () => {
    const { writeKey, collector } = await pageThatUnloads(['a'], ['committed-unanswered'])
    const next = createTracker({ writeKey, ...options })
    next.track('own')
    await next.flush()
    next.track('later')
    await next.flush()
    await settle()
    expect(collector.receipts).toHaveLength(1)
    expect(collector.receipts[0]).toHaveLength(1)
    expect(collector.names()).toEqual(['a', 'own', 'later'])
  })
})
