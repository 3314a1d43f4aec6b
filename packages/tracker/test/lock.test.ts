import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Tracker, TrackerOptions } from '../src/types.js'
import { fakeCollector, loadCreateTracker, settle, uniqueWriteKey } from './harness.js'

let createTracker: (options: TrackerOptions) => Tracker
beforeAll(async () => {
  createTracker = await loadCreateTracker()
})

/** Web Locks as browsers implement them, for one origin: held names, `ifAvailable`. */
function installWebLocks() {
  const held = new Set<string>()
  const locks = {
    async request(name: string, options: { ifAvailable?: boolean }, callback: (lock: object | null) => unknown) {
      if (held.has(name)) {
        if (options.ifAvailable) return callback(null)
        throw new Error('this fake only grants ifAvailable requests')
      }
      held.add(name)
      try {
        return await callback({ name })
      } finally {
        held.delete(name)
      }
    },
  }
  Object.defineProperty(navigator, 'locks', { value: locks, configurable: true })
  return locks
}
afterEach(() => {
  Object.defineProperty(navigator, 'locks', { value: undefined, configurable: true })
})

describe('one tab flushes at a time', () => {
  it('does not send while another tab holds the flush lock, and sends once it is free', async () => {
    const locks = installWebLocks()
    const writeKey = uniqueWriteKey()
    const collector = fakeCollector(writeKey)
    const tracker = createTracker({ writeKey, endpoint: 'https://collector.test', flushInterval: 60_000 })
    let release!: () => void
    const otherTab = locks.request('sillage-' + writeKey, {}, () => new Promise<void>((resolve) => (release = resolve)))
    tracker.track('a')
    await settle()
    await tracker.flush()
    expect(collector.requests).toHaveLength(0)
    release()
    await otherTab
    await tracker.flush()
    expect(collector.names()).toEqual(['a'])
  })

  it('flushes without Web Locks too (the collector de-duplicates)', async () => {
    const writeKey = uniqueWriteKey()
    const collector = fakeCollector(writeKey)
    const tracker = createTracker({ writeKey, endpoint: 'https://collector.test', flushInterval: 60_000 })
    tracker.track('a')
    await tracker.flush()
    expect(collector.names()).toEqual(['a'])
  })
})
