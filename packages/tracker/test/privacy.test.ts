import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Tracker, TrackerOptions } from '../src/types.js'
import {
  cookiesNow,
  fakeCollector,
  hidePage,
  loadCreateTracker,
  loadSnippet,
  settle,
  showPage,
  uniqueWriteKey,
} from './harness.js'

let createTracker: (options: TrackerOptions) => Tracker
beforeAll(async () => {
  createTracker = await loadCreateTracker()
})
afterEach(() => {
  showPage()
  for (const script of document.querySelectorAll('script')) script.remove()
  delete (window as unknown as Record<string, unknown>).sillage
})

const options = { endpoint: 'https://collector.test', flushInterval: 60_000, flushAt: 1000 }

/** What the browser holds of Sillage, read through the browser, not through the tracker. */
async function onDevice() {
  return {
    cookies: cookiesNow()
      .split('; ')
      .filter((cookie) => cookie.startsWith('sillage')),
    localStorage: Object.keys(localStorage).filter((key) => key.startsWith('sillage')),
    indexedDB: (await indexedDB.databases())
      .map((database) => database.name)
      .filter((name) => name?.startsWith('sillage')),
  }
}
const NOTHING = { cookies: [], localStorage: [], indexedDB: [] }

function setup(more: Partial<TrackerOptions> = {}) {
  const writeKey = uniqueWriteKey()
  const collector = fakeCollector(writeKey)
  const create = () => createTracker({ writeKey, ...options, ...more })
  return { writeKey, collector, create, tracker: create() }
}

describe('requireConsent', () => {
  it('stores and sends nothing before consent, then sends what waited, once each, and remembers the choice', async () => {
    const { collector, create, tracker } = setup({ requireConsent: true })
    tracker.track('a')
    tracker.identify({ userId: 'u1' })
    tracker.track('b')
    await tracker.flush()
    hidePage()
    await settle()
    showPage()
    expect(await onDevice()).toEqual(NOTHING)
    expect(collector.requests).toHaveLength(0)

    tracker.consent(true)
    await tracker.flush()
    await settle()
    expect(collector.names()).toEqual(['a', 'identify', 'b'])
    const [a, , b] = collector.events()
    expect(b!.userId).toBe('u1')
    expect(b!.anonymousId).toBe(a!.anonymousId)
    // The ids made while waiting are kept now: the next page is the same visitor.
    expect((await onDevice()).cookies).toEqual([`sillage_aid=${a!.anonymousId}`])

    const reloaded = create()
    reloaded.track('c')
    await reloaded.flush()
    expect(collector.names()).toEqual(['a', 'identify', 'b', 'c'])
    expect(collector.events()[3]).toMatchObject({ anonymousId: a!.anonymousId, userId: 'u1' })
  })

  it('keeps at most 100 events waiting for consent', async () => {
    const { collector, tracker } = setup({ requireConsent: true })
    for (let n = 0; n < 150; n++) tracker.track('waiting', { n })
    tracker.consent(true)
    await tracker.flush()
    expect(collector.events().map((event) => event.properties.n)).toEqual([...Array(100).keys()])
  })

  it('consent(false) drops what waited, sends nothing, creates no database, and is remembered', async () => {
    const { collector, create, tracker } = setup({ requireConsent: true })
    tracker.track('a')
    tracker.consent(false)
    tracker.track('b')
    await tracker.flush()
    await settle()
    expect(collector.requests).toHaveLength(0)
    expect(await onDevice()).toEqual({ ...NOTHING, localStorage: ['sillage_consent'] })

    const reloaded = create()
    reloaded.track('c')
    await reloaded.flush()
    expect(collector.requests).toHaveLength(0)
    // and changing one's mind works
    reloaded.consent(true)
    reloaded.track('d')
    await reloaded.flush()
    expect(collector.names()).toEqual(['d'])
  })

  it("is given through the script tag: data-require-consent, then push(['consent', true])", async () => {
    const writeKey = uniqueWriteKey()
    const collector = fakeCollector(writeKey)
    const script = document.createElement('script')
    script.setAttribute('src', 'https://collector.test/sillage.js')
    script.setAttribute('data-write-key', writeKey)
    script.setAttribute('data-require-consent', '')
    document.head.append(script)
    await loadSnippet()
    const sillage = (window as unknown as { sillage: Tracker & { push(command: unknown[]): void } }).sillage
    sillage.track('clicked')
    await sillage.flush()
    expect(collector.requests).toHaveLength(0)
    expect(await onDevice()).toEqual(NOTHING)
    sillage.push(['consent', true])
    await sillage.flush()
    expect(collector.names()).toEqual(['page', 'clicked'])
  })
})

describe('Global Privacy Control', () => {
  it('when the browser sends it, nothing is stored or sent, and ids of an earlier visit are forgotten', async () => {
    localStorage.setItem('sillage_userId', 'u1')
    vi.stubGlobal('navigator', Object.assign(Object.create(navigator), { globalPrivacyControl: true }))
    const { collector, tracker } = setup()
    tracker.track('a')
    tracker.identify({ email: 'ada@example.com' })
    await tracker.flush()
    hidePage()
    await settle()
    expect(collector.requests).toHaveLength(0)
    expect(await onDevice()).toEqual(NOTHING)
  })

  it('is ignored with honorGlobalPrivacyControl: false', async () => {
    vi.stubGlobal('navigator', Object.assign(Object.create(navigator), { globalPrivacyControl: true }))
    const { collector, tracker } = setup({ honorGlobalPrivacyControl: false })
    tracker.track('a')
    await tracker.flush()
    expect(collector.names()).toEqual(['a'])
  })
})

describe("persistence: 'cookieless'", () => {
  it('keeps nothing on the device and sends anonymousId "$cookieless", also after identify and reset', async () => {
    const { collector, tracker } = setup({ persistence: 'cookieless' })
    tracker.track('a')
    tracker.identify({ userId: 'u1' })
    tracker.reset()
    tracker.track('b')
    await tracker.flush()
    hidePage()
    await settle()
    expect(await onDevice()).toEqual(NOTHING)
    expect(collector.events().map((event) => [event.type, event.anonymousId, event.userId])).toEqual([
      ['track', '$cookieless', undefined],
      ['identify', '$cookieless', 'u1'],
      ['track', '$cookieless', undefined],
    ])
  })
})
