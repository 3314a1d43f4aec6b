import { describe, expect, it } from 'vitest'
import { testCollector, trackEvent } from '../../test/helpers/test-collector.js'

describe('GET /v1/changes', () => {
  it('answers the feed oldest first and goes on from nextCursor', async () => {
    const { post, read } = await testCollector()
    const event = trackEvent({ anonymousId: 'visitor-1', properties: { sku: 'a' } })
    await post('/v1/batch', { batch: [event] })
    const response = await read('/v1/changes?limit=10')
    expect(response.status).toBe(200)
    const page = await response.json()
    expect(page.changes.map((change: { type: string }) => change.type)).toEqual(['contact.created', 'event.stored'])
    const events = await (await read('/v1/events')).json()
    expect(page.changes[1].data).toEqual(events.events[0])
    expect(page.nextCursor).toBe(page.changes[1].cursor)
    expect(await (await read(`/v1/changes?after=${page.nextCursor}`)).json()).toEqual({
      changes: [],
      nextCursor: page.nextCursor,
    })
  })

  it('long-polls: a waiting request answers with the change a later commit brings', async () => {
    const { post, read } = await testCollector()
    const waiting = read('/v1/changes?wait=10')
    await post('/v1/batch', { batch: [trackEvent()] })
    const page = await (await waiting).json()
    expect(page.changes.length).toBeGreaterThan(0)
  })

  it('a waiting request answers at once, with what is there, when the process begins to stop', async () => {
    const shutdown = new AbortController()
    const { read } = await testCollector({ shutdown: shutdown.signal })
    const waiting = read('/v1/changes?wait=30')
    shutdown.abort()
    const response = await waiting
    expect(response.status).toBe(200)
    expect((await response.json()).changes).toEqual([])
  })

  it.each([
    ['limit=0', /limit/],
    ['limit=1001', /limit/],
    ['wait=31', /wait/],
    ['wait=soon', /wait/],
    ['after=forged', /cursor/i],
  ])('refuses %s with a 400 that says why', async (query, reason) => {
    const { read } = await testCollector()
    const response = await read(`/v1/changes?${query}`)
    expect(response.status).toBe(400)
    expect((await response.json()).error.message).toMatch(reason)
  })

  it('wants the secret key', async () => {
    const { app } = await testCollector()
    expect((await app.request('/v1/changes')).status).toBe(401)
  })
})
