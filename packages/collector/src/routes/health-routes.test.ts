import { describe, expect, it } from 'vitest'
import { SqliteStore } from '../stores/sqlite/sqlite-store.js'
import { StoreUnavailableError } from '../stores/store.js'
import type { StoreTransaction } from '../transaction/store-transaction.js'
import { testCollector, trackEvent } from '../../test/helpers/test-collector.js'

describe('GET /healthz', () => {
  it('answers ok while the store answers', async () => {
    const { app } = await testCollector()
    const response = await app.request('/healthz')
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: 'ok', store: 'ok' })
  })

  it('answers 503 when the store does not', async () => {
    class DownStore extends SqliteStore {
      override async isHealthy() {
        return false
      }
    }
    const { app } = await testCollector({ store: new DownStore({ temporary: true }) })
    const response = await app.request('/healthz')
    expect(response.status).toBe(503)
    expect((await response.json()).store).toBe('unavailable')
  })
})

describe('GET /metrics', () => {
  it('counts requests by route pattern, events by outcome, ingest latency and store errors', async () => {
    let down = false
    class FlakyStore extends SqliteStore {
      override transaction<T>(work: (tx: StoreTransaction) => Promise<T>) {
        if (down) return Promise.reject(new StoreUnavailableError('down'))
        return super.transaction(work)
      }
    }
    const { app, post, read } = await testCollector({ store: new FlakyStore({ temporary: true }) })
    const event = trackEvent()
    await post('/v1/batch', { batch: [event, { type: 'track' }] })
    await post('/v1/batch', { batch: [event] })
    await read('/v1/contacts/some-id')
    down = true
    await post('/v1/batch', { batch: [trackEvent()] })

    const response = await app.request('/metrics')
    expect(response.headers.get('Content-Type')).toMatch(/^text\/plain; version=0.0.4/)
    const text = await response.text()
    expect(text).toContain('sillage_http_requests_total{method="POST",route="/v1/batch",status="200"} 2')
    expect(text).toContain('sillage_http_requests_total{method="POST",route="/v1/batch",status="503"} 1')
    expect(text).toContain('sillage_http_requests_total{method="GET",route="/v1/contacts/:id",status="404"} 1')
    expect(text).toContain('sillage_events_total{outcome="accepted"} 1')
    expect(text).toContain('sillage_events_total{outcome="duplicate"} 1')
    expect(text).toContain('sillage_events_total{outcome="rejected"} 1')
    expect(text).toContain('sillage_ingest_duration_seconds_count 2')
    expect(text).toContain('sillage_store_errors_total 1')
  })
})
