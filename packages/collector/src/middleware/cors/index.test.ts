import { describe, expect, it } from 'vitest'
import { testCollector, trackEvent, WRITE_KEY } from '../../../test/helpers/test-collector.js'

const preflight = (origin: string) => ({
  method: 'OPTIONS',
  headers: {
    Origin: origin,
    'Access-Control-Request-Method': 'POST',
    'Access-Control-Request-Headers': 'content-type',
  },
})

describe('ingestionCors', () => {
  it('answers a preflight from an allowed origin', async () => {
    const { app } = await testCollector({ allowedOrigins: ['https://shop.example'] })
    const response = await app.request('/v1/batch', preflight('https://shop.example'))
    expect(response.status).toBe(204)
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('https://shop.example')
    expect(response.headers.get('Access-Control-Allow-Methods')).toContain('POST')
    expect(response.headers.get('Access-Control-Allow-Headers')).toMatch(/Content-Type/i)
    expect(response.headers.get('Vary')).toBe('Origin')
  })

  it("allows the headers the browser libraries add (analytics.js 2.0's retry count, RudderStack's ids), on their paths", async () => {
    const { app } = await testCollector()
    const asked = 'authorization, content-type, x-retry-count, anonymousid, sentat, rsa-retry-attempt'
    for (const path of ['/v1/t', '/v1/p', '/v1/b', '/v1/track', '/beacon/v1/batch']) {
      const response = await app.request(path, {
        method: 'OPTIONS',
        headers: {
          Origin: 'https://shop.example',
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': asked,
        },
      })
      expect(response.status, path).toBe(204)
      expect(response.headers.get('Access-Control-Allow-Headers'), path).toBe(asked.split(', ').join(', '))
    }
  })

  it('allows any origin with *', async () => {
    const { app } = await testCollector()
    const response = await app.request('/v1/track', preflight('https://anywhere.example'))
    expect(response.status).toBe(204)
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*')
  })

  it('refuses a preflight and a beacon from an origin not on the list', async () => {
    const { app, read } = await testCollector({ allowedOrigins: ['https://shop.example'] })
    const denied = await app.request('/v1/batch', preflight('https://evil.example'))
    expect(denied.status).toBe(403)
    expect(denied.headers.get('Access-Control-Allow-Origin')).toBeNull()
    const beacon = await app.request(`/v1/batch?writeKey=${WRITE_KEY}`, {
      method: 'POST',
      headers: { Origin: 'https://evil.example', 'Content-Type': 'text/plain' },
      body: JSON.stringify({ batch: [trackEvent()] }),
    })
    expect(beacon.status).toBe(403)
    expect((await beacon.json()).error.message).toMatch(/--allowed-origins/)
    expect((await (await read('/v1/events')).json()).events).toHaveLength(0)
  })

  it('lets the browser read answers, errors and Retry-After included', async () => {
    const { app } = await testCollector({ allowedOrigins: ['https://shop.example'] })
    const response = await app.request('/v1/batch', {
      method: 'POST',
      headers: { Origin: 'https://shop.example', 'Content-Type': 'text/plain' },
      body: JSON.stringify({ batch: [trackEvent()] }),
    })
    expect(response.status).toBe(401)
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('https://shop.example')
    expect(response.headers.get('Access-Control-Expose-Headers')).toBe('Retry-After')
  })

  it('leaves server-side calls without Origin alone', async () => {
    const { post } = await testCollector({ allowedOrigins: ['https://shop.example'] })
    const response = await post('/v1/batch', { batch: [trackEvent()] })
    expect(response.status).toBe(200)
    expect(response.headers.get('Access-Control-Allow-Origin')).toBeNull()
  })
})
