import { describe, expect, it } from 'vitest'
import { MAX_EVENT_BYTES } from '@sillage/protocol'
import type { BatchResponse, ErrorResponse } from '@sillage/protocol'
import { SqliteStore } from '../stores/sqlite/sqlite-store.js'
import { StoreUnavailableError } from '../stores/store.js'
import type { NormalisedEvent } from '../events/normalised-event.js'
import type { StoreTransaction } from '../transaction/store-transaction.js'
import { testCollector, trackEvent, WRITE_KEY } from '../../test/helpers/test-collector.js'

describe('POST /v1/batch', () => {
  it('stores a valid batch and answers 200 with the counts', async () => {
    const { post, read } = await testCollector()
    const response = await post('/v1/batch', { batch: [trackEvent(), trackEvent({ event: 'order_completed' })] })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ accepted: 2, duplicates: 0, rejected: [] })
    const { events } = await (await read('/v1/events')).json()
    expect(events.map((event: { name: string }) => event.name).sort()).toEqual(['button_clicked', 'order_completed'])
  })

  it('accepts a batch in part: invalid events come back in rejected[] with index and reason', async () => {
    const { post, read } = await testCollector()
    const good = trackEvent()
    const body = {
      batch: [
        { type: 'track', messageId: 'no-name', anonymousId: 'a' },
        good,
        'not an event',
        { type: 'click', anonymousId: 'a' },
      ],
    }
    const result: BatchResponse = await (await post('/v1/batch', body)).json()
    expect(result.accepted).toBe(1)
    expect(result.rejected.map((entry) => [entry.index, entry.messageId])).toEqual([
      [0, 'no-name'],
      [2, null],
      [3, null],
    ])
    expect(result.rejected[0]!.errors).toEqual(['event: is required for a track call: the name of what the user did'])
    expect(result.rejected[1]!.errors).toEqual(['the event must be a JSON object'])
    const { events } = await (await read('/v1/events')).json()
    expect(events.map((event: { messageId: string }) => event.messageId)).toEqual([good.messageId])
  })

  it('rejects an event over 32 KB and keeps the rest', async () => {
    const { post } = await testCollector()
    const huge = trackEvent({ properties: { blob: 'x'.repeat(MAX_EVENT_BYTES) } })
    const result: BatchResponse = await (await post('/v1/batch', { batch: [huge, trackEvent()] })).json()
    expect(result.accepted).toBe(1)
    expect(result.rejected[0]!.errors[0]).toMatch(/limit is 32768 bytes per event/)
  })

  it('answers 413 when the one event of a single-event route is over 32 KB, 400 when it is invalid', async () => {
    const { post } = await testCollector()
    const huge = await post('/v1/track', trackEvent({ properties: { blob: 'x'.repeat(MAX_EVENT_BYTES) } }))
    expect(huge.status).toBe(413)
    const { error } = await huge.json()
    expect(error.code).toBe('payload_too_large')
    expect(error.message).toMatch(/limit is 32768 bytes per event/)
    expect((await post('/v1/track', { anonymousId: 'a' })).status).toBe(400)
  })

  it('stores a retried batch once: the second request answers 200 with duplicates', async () => {
    const { post, read } = await testCollector()
    const batch = { batch: [trackEvent(), trackEvent()] }
    expect(await (await post('/v1/batch', batch)).json()).toEqual({ accepted: 2, duplicates: 0, rejected: [] })
    const retry = await post('/v1/batch', batch)
    expect(retry.status).toBe(200)
    expect(await retry.json()).toEqual({ accepted: 0, duplicates: 2, rejected: [] })
    expect((await (await read('/v1/events')).json()).events).toHaveLength(2)
  })

  it('answers 400 with issues when the body is not a batch', async () => {
    const { post } = await testCollector()
    for (const body of [{ events: [] }, [trackEvent()], { batch: 'nope' }, { batch: [], sentAt: 'yesterday' }]) {
      const response = await post('/v1/batch', body)
      expect(response.status).toBe(400)
      const { error }: ErrorResponse = await response.json()
      expect(error.code).toBe('invalid_batch')
      expect(error.issues?.length).toBeGreaterThan(0)
    }
  })

  it('answers 413 for more than 2,500 events or more than 500 KB', async () => {
    const { post } = await testCollector()
    const tooMany = await post('/v1/batch', { batch: Array.from({ length: 2501 }, () => ({})) })
    expect(tooMany.status).toBe(413)
    expect((await tooMany.json()).error.message).toMatch(/at most 2500/)
    const tooBig = await post('/v1/batch', { batch: [trackEvent({ properties: { blob: 'x'.repeat(520_000) } })] })
    expect(tooBig.status).toBe(413)
    expect((await tooBig.json()).error.code).toBe('payload_too_large')
  })

  it('answers 413 for a gzip bomb: the 500 KB limit applies after decompression', async () => {
    const { postGzip } = await testCollector()
    const response = await postGzip('/v1/batch', {
      batch: [trackEvent({ properties: { pad: 'a'.repeat(10_000_000) } })],
    })
    expect(response.status).toBe(413)
  })

  it('answers 503 with Retry-After and acknowledges nothing when the store is down', async () => {
    class DownStore extends SqliteStore {
      override async transaction(): Promise<never> {
        throw new StoreUnavailableError('database is unreachable')
      }
    }
    const { post } = await testCollector({ store: new DownStore({ temporary: true }) })
    const response = await post('/v1/batch', { batch: [trackEvent()] })
    expect(response.status).toBe(503)
    expect(response.headers.get('Retry-After')).toBe('5')
    const body = await response.json()
    expect(body.error.code).toBe('store_unavailable')
    expect(body).not.toHaveProperty('accepted')
  })

  it('answers 429 with Retry-After once a page (a request with an Origin) exceeds its rate limit', async () => {
    const { post } = await testCollector({ rateLimit: { burst: 2, requestsPerSecond: 1, now: () => 0 } })
    const fromPage = { Origin: 'https://shop.example' }
    expect((await post('/v1/batch', { batch: [] }, fromPage)).status).toBe(200)
    expect((await post('/v1/batch', { batch: [] }, fromPage)).status).toBe(200)
    const limited = await post('/v1/batch', { batch: [trackEvent()] }, fromPage)
    expect(limited.status).toBe(429)
    expect(limited.headers.get('Retry-After')).toBe('1')
    expect((await limited.json()).error.code).toBe('rate_limited')
  })
})

describe('null fields', () => {
  it("reads null optional fields as absent, as Segment's and RudderStack's APIs do", async () => {
    const { post, read } = await testCollector()
    const event = {
      ...trackEvent({ userId: 'u-null', anonymousId: null, context: null, integrations: null, properties: null }),
      timestamp: null,
      originalTimestamp: null,
    }
    const response = await post('/v1/batch', { batch: [event], sentAt: null, context: null })
    expect(await response.json()).toEqual({ accepted: 1, duplicates: 0, rejected: [] })
    const [stored] = (await (await read('/v1/events')).json()).events
    expect(stored).toMatchObject({ userId: 'u-null', anonymousId: null, properties: {}, identity: 'identified' })
  })

  it('still needs one real id: a null userId and a null anonymousId are refused', async () => {
    const { post } = await testCollector()
    const response = await post('/v1/batch', { batch: [trackEvent({ userId: null, anonymousId: null })] })
    const { rejected } = await response.json()
    expect(rejected[0].errors.join(' ')).toMatch(/needs an anonymousId or a userId/)
  })
})

describe('bodies', () => {
  it('reads gzip bodies', async () => {
    const { postGzip } = await testCollector()
    const response = await postGzip('/v1/batch', { batch: [trackEvent()] })
    expect(await response.json()).toEqual({ accepted: 1, duplicates: 0, rejected: [] })
  })

  it('reads text/plain bodies (sendBeacon) with the key in the query', async () => {
    const { app } = await testCollector()
    const response = await app.request(`/v1/batch?writeKey=${WRITE_KEY}`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
      body: JSON.stringify({ batch: [trackEvent()] }),
    })
    expect(response.status).toBe(200)
    expect((await response.json()).accepted).toBe(1)
  })
})

describe('the batch paths of the browser libraries', () => {
  it("reads analytics.js 2.0's /v1/b and RudderStack's text/plain beacon with the key in the query", async () => {
    const { app, post, read } = await testCollector()
    expect(
      (await (await post('/v1/b', { batch: [trackEvent({ userId: null })], writeKey: WRITE_KEY })).json()).accepted,
    ).toBe(1)
    const beacon = await app.request(`/beacon/v1/batch?writeKey=${WRITE_KEY}`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: JSON.stringify({ batch: [trackEvent({ userId: '', channel: 'web' })], sentAt: new Date().toISOString() }),
    })
    expect(await beacon.json()).toEqual({ accepted: 1, duplicates: 0, rejected: [] })
    expect((await (await read('/v1/events')).json()).events).toHaveLength(2)
  })
})

describe('single-event routes', () => {
  it('imply the type from the path', async () => {
    const { post, read } = await testCollector()
    const response = await post('/v1/identify', { userId: 'u-1', traits: { email: ' Ada@Example.com ', plan: 'pro' } })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ accepted: 1, duplicates: 0, rejected: [] })
    const [event] = (await (await read('/v1/events')).json()).events
    expect(event).toMatchObject({
      type: 'identify',
      name: 'identify',
      userId: 'u-1',
      email: 'ada@example.com',
      identity: 'identified',
    })
  })

  it("accept analytics.js 2.0's one-letter paths (/v1/t, /v1/p, /v1/i…) with its null userId", async () => {
    const { post, read } = await testCollector()
    const paths = { t: 'track', p: 'page', i: 'identify', a: 'alias', g: 'group', s: 'screen' }
    for (const [letter, type] of Object.entries(paths)) {
      const event = { event: 'Clicked', userId: type === 'alias' ? 'u-1' : null, previousId: 'a-0', groupId: 'g-1' }
      const response = await post(`/v1/${letter}`, { ...event, anonymousId: 'a-1', messageId: `ajs-${letter}` })
      expect(response.status, `/v1/${letter}`).toBe(200)
    }
    const { events } = await (await read('/v1/events')).json()
    const stored = Object.fromEntries(
      events.map((event: { messageId: string; type: string }) => [event.messageId, event.type]),
    )
    expect(stored).toEqual(Object.fromEntries(Object.entries(paths).map(([letter, type]) => [`ajs-${letter}`, type])))
  })

  it('answer 400 with the reasons for an invalid event', async () => {
    const { post } = await testCollector()
    const response = await post('/v1/track', { anonymousId: 'a' })
    expect(response.status).toBe(400)
    const { error }: ErrorResponse = await response.json()
    expect(error.issues).toEqual(['event: is required for a track call: the name of what the user did'])
  })
})

describe('normalisation through the route', () => {
  const receivedAt = new Date('2026-03-01T12:00:00.000Z')
  const at = (offsetMs: number) => new Date(receivedAt.getTime() + offsetMs).toISOString()

  async function storedAfter(batch: Record<string, unknown>): Promise<NormalisedEvent[]> {
    const ingested: NormalisedEvent[] = []
    class RecordingStore extends SqliteStore {
      override transaction<T>(work: (tx: StoreTransaction) => Promise<T>) {
        return super.transaction((tx) =>
          work({
            ...tx,
            insertEvents: (args) => (ingested.push(...args.events.map(({ event }) => event)), tx.insertEvents(args)),
          }),
        )
      }
    }
    const { post } = await testCollector({ store: new RecordingStore({ temporary: true }), now: () => receivedAt })
    expect((await post('/v1/batch', batch, { 'User-Agent': 'test-agent/1' })).status).toBe(200)
    return ingested
  }

  it('leaves a small clock offset alone (transit, not skew)', async () => {
    const [event] = await storedAfter({ sentAt: at(-30_000), batch: [trackEvent({ timestamp: at(-40_000) })] })
    expect(event!.timestamp).toBe(at(-40_000))
    expect(event!.originalTimestamp).toBe(at(-40_000))
  })

  it('corrects a device clock that is an hour behind', async () => {
    const [event] = await storedAfter({ sentAt: at(-3_600_000), batch: [trackEvent({ timestamp: at(-3_610_000) })] })
    expect(event!.timestamp).toBe(at(-10_000))
    expect(event!.originalTimestamp).toBe(at(-3_610_000))
    expect(event!.sentAt).toBe(at(-3_600_000))
    expect(event!.receivedAt).toBe(receivedAt.toISOString())
  })

  it('clamps a timestamp in the future to receivedAt', async () => {
    const [event] = await storedAfter({ sentAt: at(5_000), batch: [trackEvent({ timestamp: at(50_000) })] })
    expect(event!.timestamp).toBe(receivedAt.toISOString())
  })

  it('merges the batch context under the event context and adds the user agent', async () => {
    const [event] = await storedAfter({
      context: { library: { name: 'batch-lib' }, locale: 'fr-FR' },
      batch: [trackEvent({ context: { locale: 'it-IT' } })],
    })
    expect(event!.context).toEqual({
      library: { name: 'batch-lib' },
      locale: 'it-IT',
      ip: null,
      userAgent: 'test-agent/1',
    })
    expect(event!.source).toBe(WRITE_KEY)
  })
})
