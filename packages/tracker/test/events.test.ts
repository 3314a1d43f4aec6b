import { beforeAll, describe, expect, it } from 'vitest'
import type { Tracker, TrackerOptions } from '../src/types.js'
import { VERSION } from '../src/version.js'
import {
  cookiesNow,
  fakeCollector,
  loadCreateTracker,
  setPageUrl,
  settle,
  storedEvents,
  uniqueWriteKey,
} from './harness.js'

let createTracker: (options: TrackerOptions) => Tracker
beforeAll(async () => {
  createTracker = await loadCreateTracker()
})

function setup(options: Partial<TrackerOptions> = {}) {
  const writeKey = uniqueWriteKey()
  const collector = fakeCollector(writeKey)
  const tracker = createTracker({ writeKey, endpoint: 'https://collector.test', flushInterval: 60_000, ...options })
  return { writeKey, collector, tracker }
}

describe('wire shape', () => {
  it('sends Segment-spec events with device context and UTM campaign', async () => {
    setPageUrl('https://shop.example/products/42?utm_source=newsletter&utm_medium=email&utm_campaign=spring&ref=x')
    document.title = 'Blue shoes'
    const { collector, tracker } = setup()
    tracker.track('product_viewed', { sku: 'B-42', price: 59.9 })
    tracker.page('Product', { section: 'shoes' })
    await tracker.flush()
    const [track, page] = collector.events()
    expect(track).toMatchObject({
      type: 'track',
      event: 'product_viewed',
      properties: { sku: 'B-42', price: 59.9 },
      context: {
        library: { name: '@sillage/tracker', version: VERSION },
        page: { url: location.href, path: '/products/42', title: 'Blue shoes', search: location.search },
        locale: navigator.language,
        timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        screen: { width: screen.width, height: screen.height },
        campaign: { source: 'newsletter', medium: 'email', name: 'spring' },
      },
    })
    expect(track!.anonymousId).toMatch(/.{16,}/)
    expect(Date.parse(track!.timestamp)).not.toBeNaN()
    expect(track!.messageId).not.toBe(page!.messageId)
    expect(page).toMatchObject({
      type: 'page',
      name: 'Product',
      properties: {
        url: location.href,
        path: '/products/42',
        title: 'Blue shoes',
        referrer: '',
        name: 'Product',
        section: 'shoes',
      },
    })
  })

  it('records cart and order events under their Brevo names, properties as given', async () => {
    const { collector, tracker } = setup()
    const cart = {
      id: 'cart:1',
      data: { total: 30, currency: 'EUR', items: [{ name: 'Socks', price: 10, quantity: 3 }] },
    }
    tracker.cartUpdated(cart)
    tracker.cartDeleted({ id: 'cart:1' })
    tracker.orderCompleted({ id: 'order:9', total: 30, currency: 'EUR' })
    await tracker.flush()
    expect(collector.events().map((event) => [event.event, event.properties])).toEqual([
      ['cart_updated', cart],
      ['cart_deleted', { id: 'cart:1' }],
      ['order_completed', { id: 'order:9', total: 30, currency: 'EUR' }],
    ])
  })
})

describe('identity', () => {
  it('keeps the anonymous id in a first-party cookie and localStorage, across page loads', async () => {
    const { writeKey, collector, tracker } = setup()
    tracker.track('a')
    await tracker.flush()
    const anonymousId = collector.events()[0]!.anonymousId
    expect(document.cookie).toContain('sillage_aid=' + anonymousId)
    expect(localStorage.getItem('sillage_aid')).toBe(anonymousId)
    const nextPage = createTracker({ writeKey, endpoint: 'https://collector.test' })
    nextPage.track('b')
    await nextPage.flush()
    expect(collector.events()[1]!.anonymousId).toBe(anonymousId)
  })

  it("persistence 'memory' stores nothing: no cookie, no localStorage", async () => {
    const { collector, tracker } = setup({ persistence: 'memory' })
    tracker.identify({ email: 'a@x.io' })
    tracker.track('a')
    await tracker.flush()
    expect(collector.events()[1]!.anonymousId).toBe(collector.events()[0]!.anonymousId)
    expect(document.cookie).not.toContain('sillage')
    expect(localStorage.length).toBe(0)
  })

  it("persistence 'localStorage' sets no cookie", async () => {
    const { tracker } = setup({ persistence: 'localStorage' })
    tracker.track('a')
    await settle()
    expect(document.cookie).not.toContain('sillage')
    expect(localStorage.getItem('sillage_aid')).toBeTruthy()
  })

  it('identify sends traits and attaches userId, email and userHash to later events, also after a reload', async () => {
    const { writeKey, collector, tracker } = setup()
    tracker.identify({ email: ' Ada@Example.com ', userId: 'u42', userHash: 'abc123', attributes: { plan: 'pro' } })
    tracker.track('upgraded')
    const reloaded = createTracker({ writeKey, endpoint: 'https://collector.test' })
    reloaded.track('after reload')
    await tracker.flush()
    const [identify, upgraded, afterReload] = collector.events()
    expect(identify).toMatchObject({
      type: 'identify',
      userId: 'u42',
      traits: { plan: 'pro', email: 'ada@example.com' },
      context: { userHash: 'abc123', traits: { email: 'ada@example.com' } },
    })
    for (const event of [upgraded, afterReload]) {
      expect(event).toMatchObject({
        userId: 'u42',
        context: { userHash: 'abc123', traits: { email: 'ada@example.com' } },
      })
      expect(event!.anonymousId).toBe(identify!.anonymousId)
    }
  })

  it("applies another tab's identify from the next task on", async () => {
    const { collector, tracker } = setup()
    tracker.track('before')
    localStorage.setItem('sillage_userId', 'from-other-tab')
    await Promise.resolve()
    tracker.track('after')
    await tracker.flush()
    expect(collector.events().map((event) => event.userId)).toEqual([undefined, 'from-other-tab'])
  })

  it('identify with another userId forgets the previous person; reset starts a new anonymous id', async () => {
    const { collector, tracker } = setup()
    tracker.identify({ userId: 'first', email: 'first@x.io' })
    tracker.identify({ userId: 'second' })
    tracker.track('as second')
    tracker.reset()
    tracker.track('logged out')
    await tracker.flush()
    const [, , second, loggedOut] = collector.events()
    expect(second!.userId).toBe('second')
    expect(second!.context.traits).toBeUndefined()
    expect(loggedOut!.userId).toBeUndefined()
    expect(loggedOut!.context.userHash).toBeUndefined()
    expect(loggedOut!.anonymousId).not.toBe(second!.anonymousId)
  })
})

describe('opt-out', () => {
  it('stores and sends nothing after optOut, remembers it across page loads, and optIn resumes', async () => {
    const { writeKey, collector, tracker } = setup()
    tracker.track('before')
    await settle()
    tracker.optOut()
    tracker.track('while out')
    tracker.identify({ email: 'x@y.z' })
    await settle()
    await tracker.flush()
    expect(collector.requests).toHaveLength(0)
    expect(await storedEvents(writeKey)).toEqual([])
    expect(cookiesNow()).not.toContain('sillage_aid')
    expect(localStorage.getItem('sillage_email')).toBeNull()

    const nextPage = createTracker({ writeKey, endpoint: 'https://collector.test' })
    nextPage.track('next page')
    await settle()
    await nextPage.flush()
    expect(collector.requests).toHaveLength(0)

    nextPage.optIn()
    nextPage.track('back in')
    await nextPage.flush()
    expect(collector.names()).toEqual(['back in'])
  })
})
