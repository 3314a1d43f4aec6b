import { randomBytes } from 'node:crypto'
import { BrevoClient } from '@getbrevo/brevo'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { DROP_IN_SECRET_KEY, type DropInCollector, startDropInCollector } from './helpers/drop-in-collector.js'
import { type FlakyProxy, startFlakyProxy } from './helpers/flaky-proxy.js'

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

/** Brevo's own SDK at its defaults; only the base URL (`https://api.brevo.com/v3`) points at the collector. */
const brevoAt = (host: string) => new BrevoClient({ apiKey: DROP_IN_SECRET_KEY, baseUrl: `${host}/v3` }).event
const runId = () => `run-${randomBytes(4).toString('hex')}`
const eventsOfRun = async (name: string, run: string) =>
  (await collector.client.allEvents({ name })).filter((event) => event.properties.run === run)

describe("@getbrevo/brevo (Brevo's Node SDK) pointed at the collector", () => {
  it('createEvent stores the event on the contact of its email, contact properties as attributes', async () => {
    const run = runId()
    const email = `${run}.Grace@Example.com`
    const eventDate = '2026-01-24T17:39:57+01:00'
    await brevoAt(collector.url).createEvent({
      event_name: 'order_completed',
      event_date: eventDate,
      identifiers: { email_id: email, contact_id: 42 },
      contact_properties: { FIRSTNAME: 'Grace', AGE: 37, NEWSLETTER: true },
      event_properties: { order_id: 'o-7', amount: 120.5, items: [{ sku: 'tea', qty: 2 }], gift: false },
      object: { type: 'subscription', identifiers: { ext_id: 'sub-1' } },
    })

    const [contact] = await collector.client.contactsBy('email', email.toLowerCase())
    expect(contact).toBeDefined()
    const detail = await collector.client.contact(contact!.id)
    expect(detail.attributes).toMatchObject({ FIRSTNAME: 'Grace', AGE: 37, NEWSLETTER: true })
    const [event, ...others] = await collector.client.allEvents({ contactId: contact!.id })
    expect(others).toEqual([])
    expect(event).toMatchObject({
      type: 'track',
      name: 'order_completed',
      email: email.toLowerCase(),
      properties: { order_id: 'o-7', amount: 120.5, items: [{ sku: 'tea', qty: 2 }], gift: false },
      timestamp: new Date(eventDate).toISOString(),
      identity: 'identified',
    })
    // What Brevo's ids mean nothing to Sillage is kept, not dropped.
    const object = { type: 'subscription', identifiers: { ext_id: 'sub-1' } }
    expect(event!.context).toMatchObject({ brevo: { contact_id: '42', object } })
  })

  it('createBatchEvents stores every event and answers what the SDK reads ({ message, count })', async () => {
    const run = runId()
    const events = Array.from({ length: 40 }, (_, seq) => ({
      event_name: 'video_played',
      identifiers: { ext_id: `${run}-viewer-${seq % 4}` },
      event_properties: { run, seq },
    }))
    const answer = await brevoAt(collector.url).createBatchEvents({ events })
    expect(answer).toMatchObject({ count: 40, message: expect.any(String) })

    const stored = await eventsOfRun('video_played', run)
    expect(stored.map((event) => event.properties.seq).sort((a, b) => Number(a) - Number(b))).toEqual(
      events.map((_, seq) => seq),
    )
    const viewers = await collector.client.contactsBy('userId', `${run}-viewer-3`)
    expect(viewers).toHaveLength(1)
    expect((await collector.client.contact(viewers[0]!.id)).summaries).toEqual([
      expect.objectContaining({ name: 'video_played', count: 10 }),
    ])
  })

  it('retries single and batch calls answered 503, and each event is stored exactly once', async () => {
    proxy = await startFlakyProxy({ target: collector.url, failFirst: 1, mode: '503' })
    const run = runId()
    const event = brevoAt(proxy.url)
    const cartUpdated = (seq: number) => ({
      event_name: 'cart_updated',
      identifiers: { ext_id: `${run}-buyer` },
      event_properties: { run, seq },
    })
    await event.createEvent(cartUpdated(0))
    proxy.spoiled = 0
    expect(await event.createBatchEvents({ events: [1, 2, 3].map(cartUpdated) })).toMatchObject({ count: 3 })
    expect(proxy.requests).toBe(4)

    const stored = await eventsOfRun('cart_updated', run)
    expect(stored.map((stored) => stored.properties.seq).sort()).toEqual([0, 1, 2, 3])
  })

  it("surfaces a refusal as the SDK's BadRequestError, with the collector's reason", async () => {
    const refused = brevoAt(collector.url).createEvent({ event_name: 'has space', identifiers: { ext_id: 'u-1' } })
    await expect(refused).rejects.toMatchObject({ statusCode: 400, body: { error: { code: 'invalid_event' } } })
  })
})
