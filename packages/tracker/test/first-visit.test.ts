import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Tracker, TrackerOptions } from '../src/types.js'
import { fakeCollector, loadCreateTracker, settle, uniqueWriteKey } from './harness.js'

let createTracker: (options: TrackerOptions) => Tracker
beforeAll(async () => {
  createTracker = await loadCreateTracker()
})

// Any rejection left unhandled by the tracker fails the test.
const unhandled: unknown[] = []
process.on('unhandledRejection', (reason) => unhandled.push(reason))
afterEach(() => {
  expect(unhandled.splice(0)).toEqual([])
})

/**
 * Two tabs of one browser on a first visit: both trackers of this window share its cookie,
 * localStorage and IndexedDB queue, as tabs of an origin do. The race is played by hiding
 * the first tab's id from the second, as when it read storage before that write reached
 * its renderer process.
 */
function firstVisit() {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
  const writeKey = uniqueWriteKey()
  const collector = fakeCollector(writeKey)
  const open = () => createTracker({ writeKey, endpoint: 'https://collector.test', flushInterval: 60_000 })
  return { collector, open }
}

function hideStoredId() {
  localStorage.removeItem('sillage_aid')
  document.cookie = 'sillage_aid=;path=/;max-age=0'
}

const storedId = () => localStorage.getItem('sillage_aid')

describe('two tabs making the first device id at once', () => {
  it('moves the queued events of the tab whose id lost to the id that won: one device', async () => {
    const { collector, open } = firstVisit()
    const left = open()
    left.page()
    left.track('left_early')
    const lostId = storedId()
    hideStoredId()
    const right = open()
    right.page() // makes another id, written last: it wins
    const wonId = storedId()
    expect(wonId).not.toBe(lostId)

    await vi.advanceTimersByTimeAsync(100)
    await settle()
    left.track('left_later')
    await left.flush()

    const events = collector.events()
    expect(events.map((event) => event.event ?? event.type)).toEqual(['page', 'left_early', 'page', 'left_later'])
    expect(events.map((event) => event.anonymousId)).toEqual([wonId, wonId, wonId, wonId])
    expect(new Set(events.map((event) => event.messageId)).size).toBe(4)
    expect(JSON.stringify(events)).not.toContain(lostId)
  })

  it('leaves events already sent as they were, and does not queue them again', async () => {
    const { collector, open } = firstVisit()
    const left = open()
    left.page()
    await left.flush()
    const lostId = storedId()
    hideStoredId()
    open().page()

    await vi.advanceTimersByTimeAsync(100)
    await settle()
    await left.flush()

    const pages = collector.events()
    expect(pages).toHaveLength(2)
    expect(pages[0]!.anonymousId).toBe(lostId)
    expect(pages[1]!.anonymousId).toBe(storedId())
  })

  it('moves the events within the tab when IndexedDB is missing', async () => {
    vi.stubGlobal('indexedDB', undefined)
    const { collector, open } = firstVisit()
    const left = open()
    left.page()
    hideStoredId()
    open().track('right')

    await vi.advanceTimersByTimeAsync(100)
    await settle()
    await left.flush()

    expect(collector.events().map((event) => event.anonymousId)).toEqual([storedId()])
  })
})

describe('another tab starting a new visitor', () => {
  it('leaves the events tracked before a reset in another tab with the previous id', async () => {
    const { collector, open } = firstVisit()
    const left = open()
    left.track('before')
    const previousId = storedId()
    await vi.advanceTimersByTimeAsync(100)

    const right = open()
    right.reset()
    right.track('new_visitor')
    await vi.advanceTimersByTimeAsync(2000)
    await settle()
    left.track('after')
    await settle()
    await left.flush()

    const newId = storedId()
    expect(newId).not.toBe(previousId)
    const idOf = Object.fromEntries(collector.events().map((event) => [event.event, event.anonymousId]))
    expect(idOf).toEqual({ before: previousId, new_visitor: newId, after: newId })
  })
})

describe('blocked storage', () => {
  it('never throws when cookies and localStorage throw, and keeps one id for the page', async () => {
    const blocked = () => {
      throw new DOMException('blocked', 'SecurityError')
    }
    vi.stubGlobal('localStorage', { getItem: blocked, setItem: blocked, removeItem: blocked })
    Object.defineProperty(document, 'cookie', { get: blocked, set: blocked, configurable: true })
    const { collector, open } = firstVisit()
    try {
      const tracker = open()
      expect(() => tracker.page()).not.toThrow()
      await vi.advanceTimersByTimeAsync(100)
      await settle()
      tracker.track('later')
      await tracker.flush()
    } finally {
      delete (document as { cookie?: string }).cookie // back to happy-dom's own accessor
    }

    const events = collector.events()
    expect(events).toHaveLength(2)
    expect(events[1]!.anonymousId).toBe(events[0]!.anonymousId)
  })
})
