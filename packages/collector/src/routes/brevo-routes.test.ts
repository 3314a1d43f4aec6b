import { describe, expect, it } from 'vitest'
import { SECRET_KEY, testCollector } from '../../test/helpers/test-collector.js'

const brevo = { 'api-key': SECRET_KEY, Authorization: '' }
const orderCompleted = (email: string) => ({
  event_name: 'order_completed',
  event_date: '2026-02-01T10:00:00.000Z',
  identifiers: { email_id: email, contact_id: 1234 },
  contact_properties: { FIRSTNAME: 'Ada' },
  event_properties: { total: 42.5, currency: 'EUR' },
})

describe('POST /v3/events', () => {
  it('stores the event as a track call and answers 204', async () => {
    const { post, read } = await testCollector()
    const response = await post('/v3/events', orderCompleted('Ada@Example.com'), brevo)
    expect(response.status).toBe(204)
    expect(await response.text()).toBe('')
    const [event] = (await (await read('/v1/events')).json()).events
    expect(event).toMatchObject({
      type: 'track',
      name: 'order_completed',
      email: 'ada@example.com',
      properties: { total: 42.5, currency: 'EUR' },
      timestamp: '2026-02-01T10:00:00.000Z',
      identity: 'identified',
      context: { brevo: { contact_id: '1234' } },
    })
    const [contact] = (await (await read('/v1/contacts?email=ada@example.com')).json()).contacts
    expect(contact.attributes).toMatchObject({ FIRSTNAME: 'Ada' })
  })

  it('de-duplicates a retried call that carries event_date', async () => {
    const { post, read } = await testCollector()
    await post('/v3/events', orderCompleted('a@example.com'), brevo)
    await post('/v3/events', orderCompleted('a@example.com'), brevo)
    expect((await (await read('/v1/events')).json()).events).toHaveLength(1)
  })

  it('answers 400 with the reasons for an invalid event', async () => {
    const { post } = await testCollector()
    const response = await post('/v3/events', { event_name: 'has space', identifiers: {} }, brevo)
    expect(response.status).toBe(400)
    const { error } = await response.json()
    expect(error.issues).toEqual(expect.arrayContaining([expect.stringMatching(/^event_name: may hold only letters/)]))
  })

  it('answers 413 for an event over 32 KB, and stores nothing', async () => {
    const { post, read } = await testCollector()
    const huge = { ...orderCompleted('a@example.com'), event_properties: { note: 'x'.repeat(33_000) } }
    const response = await post('/v3/events', huge, brevo)
    expect(response.status).toBe(413)
    expect((await response.json()).error.code).toBe('payload_too_large')
    expect((await (await read('/v1/events')).json()).events).toHaveLength(0)
  })
})

describe('POST /v3/events/batch', () => {
  it('stores every event of {"events": [...]} and answers 202 with a message and the count', async () => {
    const { post, read } = await testCollector()
    const events = [orderCompleted('a@example.com'), { event_name: 'signup', identifiers: { ext_id: 'u-9' } }]
    const response = await post('/v3/events/batch', { events }, brevo)
    expect(response.status).toBe(202)
    expect(await response.json()).toEqual({ message: 'Events accepted and stored.', count: 2 })
    expect((await (await read('/v1/events')).json()).events).toHaveLength(2)
  })

  it('also takes the older bare array of events', async () => {
    const { post, read } = await testCollector()
    const response = await post('/v3/events/batch', [orderCompleted('a@example.com')], brevo)
    expect(response.status).toBe(202)
    expect(await response.json()).toMatchObject({ count: 1 })
    expect((await (await read('/v1/events')).json()).events).toHaveLength(1)
  })

  it('answers 400 naming each bad eventIndex, and stores nothing', async () => {
    const { post, read } = await testCollector()
    const body = [
      orderCompleted('a@example.com'),
      { event_name: 'x' },
      orderCompleted('b@example.com'),
      { event_name: 'y', identifiers: { contact_id: 7 } },
    ]
    const response = await post('/v3/events/batch', body, brevo)
    expect(response.status).toBe(400)
    const { error } = await response.json()
    expect(error.code).toBe('invalid_events')
    expect(error.issues.map((issue: { eventIndex: number }) => issue.eventIndex)).toEqual([1, 3])
    expect(error.issues[1].errors[0]).toMatch(/needs a usable email_id or ext_id/)
    expect((await (await read('/v1/events')).json()).events).toHaveLength(0)
  })

  it('answers 400 when the body holds no list of events', async () => {
    const { post } = await testCollector()
    const response = await post('/v3/events/batch', orderCompleted('a@example.com'), brevo)
    expect(response.status).toBe(400)
    expect((await response.json()).error.message).toMatch(/\{"events": \[events…\]\}/)
  })
})
