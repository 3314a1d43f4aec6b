import { beforeAll, describe, expect, it, vi } from 'vitest'
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

const endpoint = 'https://collector.test'

function setup(options: Partial<TrackerOptions> = {}) {
  const writeKey = uniqueWriteKey()
  const collector = fakeCollector(writeKey)
  const tracker = createTracker({ writeKey, endpoint, flushInterval: 60_000, ...options })
  return { writeKey, collector, tracker }
}

describe('queue in IndexedDB', () => {
  it('stores each event before any request resolves, and deletes it only after the 200', async () => {
    const { writeKey, collector, tracker } = setup()
    let respond!: (response: Response) => void
    collector.answer(new Promise<Response>((resolve) => (respond = resolve)))
    tracker.track('signup', { plan: 'pro' })
    await settle()
    const stored = await storedEvents(writeKey)
    expect(stored.map((event) => event.event)).toEqual(['signup'])
    expect(stored[0]!.properties).toEqual({ plan: 'pro' })

    const flushed = tracker.flush()
    await settle()
    expect(collector.requests).toHaveLength(1)
    expect(await storedEvents(writeKey)).toHaveLength(1)
    respond(new Response('{"accepted":1,"duplicates":0,"rejected":[]}', { status: 200 }))
    await flushed
    await settle()
    expect(await storedEvents(writeKey)).toEqual([])
  })

  it('posts text/plain to {endpoint}/v1/batch with the write key in the query', async () => {
    const { writeKey, collector, tracker } = setup({ endpoint: endpoint + '/' })
    tracker.track('a')
    await tracker.flush()
    const [request] = collector.requests
    expect(request!.url.origin + request!.url.pathname).toBe(endpoint + '/v1/batch')
    expect(request!.writeKey).toBe(writeKey)
    expect(request!.contentType).toMatch(/^text\/plain/)
    expect(Date.parse(request!.body.sentAt)).not.toBeNaN()
  })

  it('keeps events through 503s and network errors, then delivers them once the collector answers 200', async () => {
    const { writeKey, collector, tracker } = setup()
    collector.answer({ status: 503 }, 'network-error')
    tracker.track('a')
    tracker.track('b')
    await tracker.flush()
    await settle()
    expect((await storedEvents(writeKey)).map((event) => event.event)).toEqual(['a', 'b'])
    await tracker.flush()
    await settle()
    expect(await storedEvents(writeKey)).toHaveLength(2)
    await tracker.flush()
    await settle()
    expect(await storedEvents(writeKey)).toEqual([])
    expect(collector.requests).toHaveLength(3)
    expect(collector.requests[2]!.body.batch.map((event) => event.messageId)).toEqual(
      collector.requests[0]!.body.batch.map((event) => event.messageId),
    )
  })

  it('drops a batch the collector refuses with another 4xx, with one debug warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { writeKey, collector, tracker } = setup({ debug: true })
    collector.answer({ status: 400 }, { status: 400 })
    tracker.track('bad')
    await tracker.flush()
    await settle()
    expect(await storedEvents(writeKey)).toEqual([])
    tracker.track('bad again')
    await tracker.flush()
    await tracker.flush()
    expect(collector.requests).toHaveLength(2)
    expect(warn.mock.calls.filter((call) => call[1] === 'refused-400')).toHaveLength(1)
  })

  it('keeps at most maxQueueSize events, dropping the oldest', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { writeKey, collector, tracker } = setup({ maxQueueSize: 5, flushAt: 100, debug: true })
    for (let i = 1; i <= 8; i++) tracker.track('event ' + i)
    await settle()
    expect((await storedEvents(writeKey)).map((event) => event.event)).toEqual([
      'event 4',
      'event 5',
      'event 6',
      'event 7',
      'event 8',
    ])
    await tracker.flush()
    expect(collector.names()).toEqual(['event 4', 'event 5', 'event 6', 'event 7', 'event 8'])
    expect(warn.mock.calls.filter((call) => call[1] === 'queue-full')).toHaveLength(1)
  })

  it('falls back to memory when IndexedDB throws, and still delivers', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    vi.stubGlobal('indexedDB', {
      open() {
        throw new DOMException('blocked', 'SecurityError')
      },
    })
    const { collector, tracker } = setup({ debug: true })
    tracker.track('a')
    tracker.track('b')
    await tracker.flush()
    expect(collector.names()).toEqual(['a', 'b'])
    expect(warn.mock.calls.filter((call) => call[1] === 'indexeddb-failed')).toHaveLength(1)
  })

  it('works without IndexedDB at all', async () => {
    vi.stubGlobal('indexedDB', undefined)
    const { collector, tracker } = setup()
    tracker.track('a')
    await tracker.flush()
    expect(collector.names()).toEqual(['a'])
  })

  it("never deletes another tab's events added while its own batch was in flight", async () => {
    const { writeKey, collector, tracker } = setup()
    const otherTab = createTracker({ writeKey, endpoint, flushInterval: 60_000 })
    const answers: Array<(response: Response) => void> = []
    const pending = () => new Promise<Response>((resolve) => answers.push(resolve))
    collector.answer(pending(), pending())
    tracker.track('mine')
    await settle()
    const flushed = tracker.flush()
    await settle()
    otherTab.track('theirs')
    await settle()
    answers[0]!(new Response('{}', { status: 200 }))
    await settle()
    // The first batch is acknowledged; the other tab's event is still queued (and on its way).
    expect((await storedEvents(writeKey)).map((event) => event.event)).toEqual(['theirs'])
    expect(collector.names()).toEqual(['mine', 'theirs'])
    answers[1]!(new Response('{}', { status: 200 }))
    await flushed
    await settle()
    expect(await storedEvents(writeKey)).toEqual([])
  })
})

describe('when to flush', () => {
  it('sends as soon as flushAt events are queued', async () => {
    const { collector, tracker } = setup({ flushAt: 3 })
    tracker.track('a')
    tracker.track('b')
    await settle()
    expect(collector.requests).toHaveLength(0)
    tracker.track('c')
    await settle()
    expect(collector.names()).toEqual(['a', 'b', 'c'])
  })

  it('sends queued events flushInterval ms after they were tracked', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { collector, tracker } = setup({ flushInterval: 5000 })
    tracker.track('a')
    await vi.advanceTimersByTimeAsync(4900)
    await settle()
    expect(collector.requests).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(200)
    await settle()
    expect(collector.names()).toEqual(['a'])
  })

  it('sends when the browser comes back online, without waiting out the backoff', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { writeKey, collector, tracker } = setup()
    collector.answer('network-error')
    tracker.track('offline')
    await tracker.flush()
    await settle()
    window.dispatchEvent(new Event('online'))
    await settle()
    expect(collector.requests).toHaveLength(2)
    expect(await storedEvents(writeKey)).toEqual([])
  })
})
