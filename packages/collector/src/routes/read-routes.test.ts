import { describe, expect, it } from 'vitest'
import type { StoredEvent } from '@sillage/protocol'
import { testCollector, trackEvent } from '../../test/helpers/test-collector.js'

async function collectorWithEvents(count: number) {
  const collector = await testCollector()
  const start = Date.parse('2026-01-01T00:00:00.000Z')
  const batch = Array.from({ length: count }, (_, i) =>
    trackEvent({
      event: i % 2 ? 'odd' : 'even',
      timestamp: new Date(start + i * 1000).toISOString(),
      anonymousId: 'device-1',
    }),
  )
  await collector.post('/v1/batch', { batch })
  return collector
}

describe('GET /v1/events', () => {
  it('pages newest first with a cursor, without repeats or gaps', async () => {
    const { read } = await collectorWithEvents(7)
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page: { events: StoredEvent[]; nextCursor: string | null } = await (
        await read(`/v1/events?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
      ).json()
      seen.push(...page.events.map((event) => event.timestamp))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen).toHaveLength(7)
    expect([...seen].sort().reverse()).toEqual(seen)
  })

  it('filters by name and time range', async () => {
    const { read } = await collectorWithEvents(6)
    const { events } = await (
      await read('/v1/events?name=odd&since=2026-01-01T00:00:02Z&until=2026-01-01T00:00:05Z')
    ).json()
    expect(events.map((event: StoredEvent) => event.timestamp)).toEqual(['2026-01-01T00:00:03.000Z'])
  })

  it('answers 400 for a bad query or cursor', async () => {
    const { read } = await collectorWithEvents(1)
    for (const query of ['limit=0', 'limit=5000', 'limit=abc', 'type=click', 'since=yesterday', 'cursor=garbage']) {
      const response = await read(`/v1/events?${query}`)
      expect(response.status, query).toBe(400)
      expect((await response.json()).error.message).toEqual(expect.any(String))
    }
  })

  it('answers 401 without the secret key', async () => {
    const { app } = await collectorWithEvents(1)
    expect((await app.request('/v1/events')).status).toBe(401)
  })
})

describe('contacts', () => {
  it('finds a contact, shows it with its timeline, and erases it', async () => {
    const { post, read } = await testCollector()
    await post('/v1/batch', { batch: [trackEvent({ anonymousId: 'device-9', userId: 'u-9', event: 'signed_up' })] })
    const { contacts } = await (await read('/v1/contacts?userId=u-9')).json()
    expect(contacts).toHaveLength(1)
    const id = contacts[0].id
    const detail = await (await read(`/v1/contacts/${id}`)).json()
    expect(detail).toMatchObject({
      id,
      userId: 'u-9',
      summaries: [expect.objectContaining({ name: 'signed_up', count: 1 })],
    })
    const timeline = await (await read(`/v1/contacts/${id}/events`)).json()
    expect(timeline.events.map((event: StoredEvent) => event.name)).toEqual(['signed_up'])
    expect((await read(`/v1/contacts/${id}`, { method: 'DELETE' })).status).toBe(204)
    expect((await read(`/v1/contacts/${id}`)).status).toBe(404)
    expect((await (await read('/v1/events')).json()).events).toHaveLength(0)
  })

  it('answers 404 for unknown contacts and 400 for an ambiguous lookup', async () => {
    const { read } = await testCollector()
    for (const [path, method] of [
      ['/v1/contacts/nope', 'GET'],
      ['/v1/contacts/nope/events', 'GET'],
      ['/v1/contacts/nope', 'DELETE'],
    ] as const) {
      const response = await read(path, { method })
      expect(response.status).toBe(404)
      expect((await response.json()).error.code).toBe('not_found')
    }
    const ambiguous = await read('/v1/contacts?email=a@b.co&userId=u')
    expect(ambiguous.status).toBe(400)
    expect((await ambiguous.json()).error.message).toContain('pass at most one of email, userId, anonymousId')
    for (const query of ['limit=0', 'limit=1001', 'limit=ten', 'cursor=forged']) {
      const response = await read(`/v1/contacts?${query}`)
      expect(response.status, query).toBe(400)
    }
  })

  it('lists every contact without a lookup key, newest activity first, page by page', async () => {
    const { post, read } = await testCollector()
    const batch = ['ann', 'bob', 'cat'].map((userId, index) =>
      trackEvent({ userId, anonymousId: `dev-${userId}`, timestamp: `2026-01-0${index + 1}T10:00:00.000Z` }),
    )
    batch.push(trackEvent({ userId: 'ann', anonymousId: 'dev-ann', timestamp: '2026-01-01T11:00:00.000Z' }))
    await post('/v1/batch', { batch })
    const first = await (await read('/v1/contacts?limit=2')).json()
    expect(first.contacts.map((contact: { userId: string }) => contact.userId)).toEqual(['cat', 'bob'])
    const cat = { eventCount: 1, lastSeen: '2026-01-03T10:00:00.000Z', anonymousId: 'dev-cat' }
    expect(first.contacts[0]).toMatchObject(cat)
    const second = await (await read(`/v1/contacts?limit=2&cursor=${encodeURIComponent(first.nextCursor)}`)).json()
    const ann = { userId: 'ann', eventCount: 2, lastSeen: '2026-01-01T11:00:00.000Z' }
    expect(second.contacts).toEqual([expect.objectContaining(ann)])
    expect(second.nextCursor).toBeNull()
  })

  it('answers 401 on every contact route without the secret key', async () => {
    const { app } = await testCollector()
    for (const path of ['/v1/contacts?userId=u', '/v1/contacts/x', '/v1/contacts/x/events']) {
      expect((await app.request(path)).status).toBe(401)
    }
    expect((await app.request('/v1/contacts/x', { method: 'DELETE' })).status).toBe(401)
  })
})
