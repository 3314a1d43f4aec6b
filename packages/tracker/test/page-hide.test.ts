import { afterEach, beforeAll, describe, expect, it } from 'vitest'
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

function setup(options: Partial<TrackerOptions> = {}) {
  const writeKey = uniqueWriteKey()
  const collector = fakeCollector(writeKey)
  const tracker = createTracker({
    writeKey,
    endpoint: 'https://collector.test',
    flushInterval: 60_000,
    flushAt: 1000,
    ...options,
  })
  return { writeKey, collector, tracker }
}

describe('when the page is hidden', () => {
  it('sends everything queued with keepalive, in text/plain chunks of at most 64 KB', async () => {
    const { writeKey, collector, tracker } = setup()
    const answers: Array<(response: Response) => void> = []
    for (let i = 0; i < 10; i++) collector.answer(new Promise<Response>((resolve) => answers.push(resolve)))
    for (let i = 0; i < 30; i++) tracker.track('viewed', { index: i, text: 'é'.repeat(3000) })
    await settle()
    hidePage()
    await settle()

    expect(collector.requests.length).toBeGreaterThan(1)
    for (const request of collector.requests) {
      expect(request.keepalive).toBe(true)
      expect(request.bytes).toBeLessThanOrEqual(64 * 1024)
      expect(request.contentType).toMatch(/^text\/plain/)
    }
    expect(collector.events().map((event) => event.properties.index)).toEqual([...Array(30).keys()])
    // Still queued until the collector's 200 comes back.
    expect(await storedEvents(writeKey)).toHaveLength(30)
    for (const answer of answers) answer(new Response('{}', { status: 200 }))
    await settle()
    expect(await storedEvents(writeKey)).toEqual([])
  })

  it('keeps what a lost beacon carried and sends it again, same messageIds, on the next flush', async () => {
    const { writeKey, collector, tracker } = setup()
    collector.answer('network-error')
    tracker.track('checkout')
    await settle()
    hidePage()
    await settle()
    expect(await storedEvents(writeKey)).toHaveLength(1)
    showPage()
    await tracker.flush()
    expect(collector.requests).toHaveLength(2)
    expect(collector.requests[1]!.keepalive).toBe(false)
    expect(collector.requests[1]!.body.batch[0]!.messageId).toBe(collector.requests[0]!.body.batch[0]!.messageId)
    expect(await storedEvents(writeKey)).toEqual([])
  })

  it('sends nothing when nothing is queued, or after optOut', async () => {
    const { collector, tracker } = setup()
    hidePage()
    showPage()
    tracker.track('a')
    tracker.optOut()
    await settle()
    hidePage()
    await settle()
    expect(collector.requests).toHaveLength(0)
  })
})
