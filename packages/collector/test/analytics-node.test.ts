import type { Server } from 'node:http'
import { Analytics } from '@segment/analytics-node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StoredEvent } from '@sillage/protocol'
import { createCollector } from '../src/create-collector.js'
import { closeServer, listen } from '../src/server/listen.js'
import { createStore } from '../src/stores/create-store.js'
import { SECRET_KEY, WRITE_KEY } from './helpers/test-collector.js'

const store = createStore('memory:')
let server: Server
let url: string

beforeAll(async () => {
  await store.open()
  ;({ server, url } = await listen(createCollector({ store, writeKeys: [WRITE_KEY], secretKey: SECRET_KEY }), {
    host: '127.0.0.1',
    port: 0,
  }))
})
afterAll(async () => {
  await closeServer(server, 1000)
  await store.close()
})

describe('@segment/analytics-node pointed at the collector', () => {
  it('delivers its batches, which are accepted and stored as sent', async () => {
    const errors: unknown[] = []
    const analytics = new Analytics({ writeKey: WRITE_KEY, host: url, flushAt: 3, maxRetries: 0 })
    analytics.on('error', (error) => errors.push(error))
    analytics.identify({ userId: 'user-42', traits: { email: 'Grace@Example.com', plan: 'pro' } })
    analytics.track({
      userId: 'user-42',
      event: 'order_completed',
      properties: { total: 99.5 },
      messageId: 'order-msg-1',
    })
    analytics.page({
      anonymousId: 'device-7',
      name: 'Pricing',
      properties: { path: '/pricing', url: 'https://shop.example/pricing' },
    })
    analytics.track({ anonymousId: 'device-7', event: 'cart_updated', properties: { items: 2 } })
    await analytics.closeAndFlush({ timeout: 10_000 })
    expect(errors).toEqual([])

    const { events } = await store.listEvents({ limit: 100 })
    const byName = Object.fromEntries(events.map((event: StoredEvent) => [event.name, event]))
    expect(Object.keys(byName).sort()).toEqual(['cart_updated', 'identify', 'order_completed', 'page_visited'])
    expect(byName.order_completed).toMatchObject({
      userId: 'user-42',
      properties: { total: 99.5 },
      identity: 'identified',
    })
    expect(byName.identify).toMatchObject({ email: 'grace@example.com' })
    expect(byName.page_visited!.properties).toMatchObject({ name: 'Pricing', path: '/pricing' })
    // Its messageIds are kept (so its retries de-duplicate), and the socket address is recorded.
    expect(byName.order_completed!.messageId).toBe('order-msg-1')
    expect(byName.cart_updated!.messageId).not.toMatch(/^sillage-/)
    expect(byName.cart_updated!.context).toMatchObject({
      ip: '127.0.0.0',
      library: { name: '@segment/analytics-node' },
    })
  })
})
