import { describe, expect, it } from 'vitest'
import { testCollector } from '../../test/helpers/test-collector.js'

/** What analytics.js 2.0 posts to `{apiHost}/m`: text/plain, no key. */
const segmentMetrics = (origin: string) => ({
  method: 'POST',
  headers: { Origin: origin, 'Content-Type': 'text/plain' },
  body: JSON.stringify({
    series: [{ type: 'Counter', metric: 'analytics_js.invoke', value: 1, tags: { type: 'track' } }],
  }),
})

describe('POST /v1/m', () => {
  it("answers analytics.js 2.0's own counters with 204, readable cross-origin, and stores nothing", async () => {
    const { app, read } = await testCollector()
    const response = await app.request('/v1/m', segmentMetrics('https://shop.example'))
    expect(response.status).toBe(204)
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*')
    expect((await (await read('/v1/events')).json()).events).toEqual([])
  })

  it('refuses an origin outside --allowed-origins, like every route a page posts to', async () => {
    const { app } = await testCollector({ allowedOrigins: ['https://shop.example'] })
    expect((await app.request('/v1/m', segmentMetrics('https://evil.example'))).status).toBe(403)
    expect((await app.request('/v1/m', segmentMetrics('https://shop.example'))).status).toBe(204)
  })
})
