import { randomBytes } from 'node:crypto'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { StoredEvent } from '@sillage/protocol'
import { type DropInCollector, startDropInCollector } from '../helpers/drop-in-collector.js'
import { type FailureMode, type FlakyProxy, startFlakyProxy } from '../helpers/flaky-proxy.js'
import type { SegmentStyleLibrary } from './segment-style-library.js'

/**
 * What every Segment-spec server library must get from the collector, run unchanged
 * (default options, only the host pointed at a real collector process): its calls
 * stored once each with their names, ids and traits, one contact per person, and its
 * own retries after failed attempts delivering everything exactly once.
 *
 * @example
 * describeServerLibrary('@rudderstack/rudder-sdk-node', rudderSdkNode)
 */
export function describeServerLibrary(title: string, library: SegmentStyleLibrary): void {
  describe(`${title} at its default options, pointed at the collector`, () => {
    let collector: DropInCollector
    let proxy: FlakyProxy | undefined
    beforeAll(async () => {
      collector = await startDropInCollector()
    })
    afterEach(async () => {
      await proxy?.close()
      proxy = undefined
    })
    afterAll(async () => {
      await collector?.dispose()
    })

    const runId = () => `run-${randomBytes(4).toString('hex')}`
    const eventsOfRun = async (run: string) =>
      (await collector.client.allEvents({ name: 'step_done' })).filter((event) => event.properties.run === run)
    const sendSteps = async (host: string, run: string, count: number) => {
      const client = library.open(host)
      for (let seq = 0; seq < count; seq += 1) {
        client.call({ type: 'track', userId: `${run}-user`, event: 'step_done', properties: { run, seq } })
      }
      return client.settle()
    }
    const expectEachStepOnce = (events: StoredEvent[], count: number) => {
      expect(events.map((event) => event.properties.seq).sort((a, b) => Number(a) - Number(b))).toEqual(
        Array.from({ length: count }, (_, seq) => seq),
      )
      expect(new Set(events.map((event) => event.messageId)).size).toBe(count)
    }

    it('stores identify, track and page calls with their names, ids, traits and one contact per person', async () => {
      const run = runId()
      const userId = `${run}-ada`
      const device = `${run}-device`
      const client = library.open(collector.url)
      client.call({ type: 'identify', userId, traits: { email: `${run}.Ada@Example.com`, plan: 'pro', seats: 3 } })
      const order = { order_id: 'o-1', total: 99.5, items: [{ sku: 'sku-1', quantity: 2 }] }
      client.call({ type: 'track', userId, event: 'order_completed', properties: order })
      client.call({ type: 'track', userId, anonymousId: null, event: 'coupon_applied', properties: { code: null } })
      const page = { path: '/pricing', url: 'https://shop.example/pricing' }
      client.call({ type: 'page', anonymousId: device, name: 'Pricing', properties: page })
      client.call({ type: 'track', anonymousId: device, event: 'cart_updated', properties: { cart_id: 'c-1' } })
      // The visitor logs in: the device's anonymous history joins Ada's contact.
      client.call({ type: 'identify', anonymousId: device, userId })
      // Her other, anonymous device is aliased to her: its history joins her contact too.
      const tablet = `${run}-tablet`
      client.call({ type: 'track', anonymousId: tablet, event: 'wishlist_added', properties: { sku: 'sku-2' } })
      client.call({ type: 'alias', previousId: tablet, userId })
      expect((await client.settle()).errors).toEqual([])

      const contacts = await collector.client.contactsBy('userId', userId)
      expect(contacts).toHaveLength(1)
      const contact = await collector.client.contact(contacts[0]!.id)
      expect(contact).toMatchObject({ userId, email: `${run}.ada@example.com` })
      expect([...contact.anonymousIds].sort()).toEqual([device, tablet].sort())
      expect(contact.attributes).toMatchObject({ plan: 'pro', seats: 3 })
      const counts = Object.fromEntries(contact.summaries.map((summary) => [summary.name, summary.count]))
      expect(counts).toEqual({
        identify: 2,
        order_completed: 1,
        coupon_applied: 1,
        page_visited: 1,
        cart_updated: 1,
        wishlist_added: 1,
        alias: 1,
      })

      const events = await collector.client.allEvents({ contactId: contact.id })
      expect(events.map((event) => event.name).sort()).toEqual(
        ['alias', 'cart_updated', 'coupon_applied', 'identify', 'identify'].concat([
          'order_completed',
          'page_visited',
          'wishlist_added',
        ]),
      )
      const byName = (name: string) => events.find((event) => event.name === name)!
      expect(byName('order_completed')).toMatchObject({ type: 'track', userId, properties: order })
      expect(byName('order_completed').identity).toBe('identified')
      expect(byName('page_visited').properties).toMatchObject({ name: 'Pricing', ...page })
      expect(byName('cart_updated')).toMatchObject({ anonymousId: device, properties: { cart_id: 'c-1' } })
      expect(byName('coupon_applied')).toMatchObject({ userId, properties: { code: null } })
      for (const event of events) {
        // The collector stores the network of the address only (--ip-storage truncated, the default).
        expect(event.context).toMatchObject({ ip: '127.0.0.0', library: { name: library.libraryName } })
        // The library's own messageId is kept, so its retries de-duplicate.
        expect(event.messageId).not.toMatch(/^sillage-/)
      }
      expect(new Set(events.map((event) => event.messageId)).size).toBe(events.length)
    })

    it('delivers a burst through its own batching, every call once', async () => {
      const run = runId()
      expect((await sendSteps(collector.url, run, 250)).errors).toEqual([])
      expectEachStepOnce(await eventsOfRun(run), 250)
    })

    const failures: Array<{ mode: FailureMode; failFirst: number; what: string }> = [
      { mode: '503', failFirst: 2, what: 'its first two requests are answered 503' },
      {
        mode: 'reset-after-commit',
        failFirst: 1,
        what: 'the connection drops after the collector committed its first request',
      },
    ]
    for (const { mode, failFirst, what } of failures) {
      it(`retries when ${what}, and every call is stored exactly once`, async () => {
        proxy = await startFlakyProxy({ target: collector.url, failFirst, mode })
        const run = runId()
        expect((await sendSteps(proxy.url, run, 30)).errors).toEqual([])
        expect(proxy.spoiled).toBe(failFirst)
        expect(proxy.requests).toBeGreaterThan(failFirst)
        expectEachStepOnce(await eventsOfRun(run), 30)
      })
    }
  })
}
