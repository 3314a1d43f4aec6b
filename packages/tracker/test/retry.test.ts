import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Tracker, TrackerOptions } from '../src/types.js'
import { fakeCollector, loadCreateTracker, settle, storedEvents, uniqueWriteKey } from './harness.js'

let createTracker: (options: TrackerOptions) => Tracker
beforeAll(async () => {
  createTracker = await loadCreateTracker()
})
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
})

function setup(options: Partial<TrackerOptions> = {}) {
  const writeKey = uniqueWriteKey()
  const collector = fakeCollector(writeKey)
  const tracker = createTracker({ writeKey, endpoint: 'https://collector.test', flushInterval: 60_000, ...options })
  return { writeKey, collector, tracker }
}

/** Advances the clock, letting IndexedDB and the request settle. */
async function wait(ms: number) {
  await vi.advanceTimersByTimeAsync(ms)
  await settle()
}

describe('retries', () => {
  it('backs off exponentially with full jitter: a random delay up to 2 s, then 4 s…', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5)
    const { writeKey, collector, tracker } = setup()
    collector.answer({ status: 503 }, { status: 500 })
    tracker.track('a')
    await tracker.flush()
    expect(collector.requests).toHaveLength(1)
    await wait(999)
    expect(collector.requests).toHaveLength(1)
    await wait(1) // 0.5 × 2 s
    expect(collector.requests).toHaveLength(2)
    await wait(1999)
    expect(collector.requests).toHaveLength(2)
    await wait(1) // 0.5 × 4 s
    expect(collector.requests).toHaveLength(3)
    expect(await storedEvents(writeKey)).toEqual([])
  })

  it('waits exactly as long as Retry-After says', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0)
    const { collector, tracker } = setup()
    collector.answer({ status: 429, headers: { 'Retry-After': '7' } })
    tracker.track('a')
    await tracker.flush()
    await wait(6990)
    expect(collector.requests).toHaveLength(1)
    await wait(10)
    expect(collector.requests).toHaveLength(2)
    expect(collector.names()).toEqual(['a', 'a'])
  })

  it('retries 408 like a network error', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0)
    const { writeKey, collector, tracker } = setup()
    collector.answer({ status: 408 })
    tracker.track('a')
    await tracker.flush()
    await settle()
    expect(await storedEvents(writeKey)).toHaveLength(1)
    await wait(0)
    expect(collector.requests).toHaveLength(2)
    expect(await storedEvents(writeKey)).toEqual([])
  })

  it('does not hammer a failing collector when new events arrive during the backoff', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(1)
    const { collector, tracker } = setup({ flushAt: 2 })
    collector.answer({ status: 503 })
    tracker.track('a')
    tracker.track('b')
    await settle()
    expect(collector.requests).toHaveLength(1)
    for (let i = 0; i < 10; i++) tracker.track('more')
    await wait(1999)
    expect(collector.requests).toHaveLength(1)
    await wait(1)
    expect(collector.requests).toHaveLength(2)
    expect(collector.requests[1]!.body.batch).toHaveLength(12)
  })
})
