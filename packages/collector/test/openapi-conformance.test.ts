import { readFile } from 'node:fs/promises'
import { Analytics } from '@segment/analytics-node'
import { beforeAll, describe, expect, it } from 'vitest'
import { openApiPath } from '../src/openapi/openapi-document.js'
import { openApiValidator, type RequestToCheck } from './helpers/openapi-validator.js'
import { SECRET_KEY, WRITE_KEY, basic, testCollector, trackEvent } from './helpers/test-collector.js'

let collector: Awaited<ReturnType<typeof testCollector>>
let document: Record<string, any>
let validator: ReturnType<typeof openApiValidator>

beforeAll(async () => {
  collector = await testCollector()
  const response = await collector.app.request('/openapi.json')
  expect(response.status).toBe(200)
  document = await response.json()
  validator = openApiValidator(document)
})

const auth = {
  write: { Authorization: basic(WRITE_KEY) },
  secret: { Authorization: `Bearer ${SECRET_KEY}` },
  brevo: { 'api-key': SECRET_KEY },
}

/** Sends a real request to the collector; the request and its answer must both conform to the document. */
async function conforming(request: RequestToCheck & { headers?: Record<string, string> }): Promise<Response> {
  expect(validator.requestProblems(request), `${request.method} ${request.url}`).toEqual([])
  const response = await collector.app.request(request.url, {
    method: request.method,
    headers: { 'Content-Type': 'application/json', ...request.headers },
    ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
  })
  expect(await validator.responseProblems(request, response), `${request.method} ${request.url}`).toEqual([])
  return response
}

const post = (url: string, body: unknown, headers: Record<string, string> = auth.write) =>
  conforming({ method: 'POST', url, body, headers })
const get = (url: string, headers: Record<string, string> = auth.secret) => conforming({ method: 'GET', url, headers })

describe('GET /openapi.json', () => {
  it('is an OpenAPI 3.1 document holding every route the app serves, and nothing else', () => {
    expect(document.openapi).toBe('3.1.0')
    // The web console's pages are HTML for people, not the HTTP API.
    const served = collector.app.routes
      .filter((route) => route.method !== 'ALL' && !route.path.startsWith('/console'))
      .map((route) => `${route.method.toLowerCase()} ${openApiPath(route.path)}`)
    const documented = Object.entries(document.paths as Record<string, object>).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method} ${path}`),
    )
    expect([...new Set(served)].sort()).toEqual(documented.sort())
  })

  it('has each of its operations described in docs/api.md', async () => {
    const reference = await readFile(new URL('../../../docs/api.md', import.meta.url), 'utf8')
    const operations = Object.entries(document.paths as Record<string, object>).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `\`${method.toUpperCase()} ${path}\``),
    )
    expect(operations.filter((operation) => !reference.includes(operation))).toEqual([])
  })

  it('takes the requests the README and the route tests send, and describes the answers', async () => {
    const readmeEvent = { type: 'track', event: 'cart_updated', anonymousId: 'visitor-1', messageId: 'readme-1' }
    const batch = await post('/v1/batch', { batch: [{ ...readmeEvent, properties: { cart_id: 'c1', total: 42 } }] })
    expect(await batch.json()).toEqual({ accepted: 1, duplicates: 0, rejected: [] })
    await post('/v1/batch', { batch: [trackEvent(), trackEvent({ userId: 42 })], sentAt: new Date().toISOString() })
    await post('/v1/track', { event: 'signup_started', userId: 'u_42', properties: { plan: 'pro' } })
    await post('/v1/identify', { userId: 'u_42', traits: { email: 'ada@example.com' } })
    await post('/v1/page', { anonymousId: 'visitor-1', name: 'Pricing' })
    await post('/v1/screen', { anonymousId: 'visitor-1', name: 'Home' })
    await post('/v1/group', { userId: 'u_42', groupId: 'acme' })
    await post('/v1/alias', { previousId: 'visitor-1', userId: 'u_42' })
    const brevoEvent = {
      event_name: 'order_completed',
      identifiers: { email_id: 'ada@example.com' },
      event_properties: { total: 59.9 },
    }
    expect((await post('/v3/events', brevoEvent, auth.brevo)).status).toBe(204)
    const brevoEvents = [brevoEvent, { ...brevoEvent, event_name: 'cart_updated' }]
    const brevoBatch = await post('/v3/events/batch', { events: brevoEvents }, auth.brevo)
    expect(await brevoBatch.json()).toEqual({ message: 'Events accepted and stored.', count: 2 })
    const olderBrevoBatch = await post(
      '/v3/events/batch',
      brevoEvents.map((event) => ({ ...event, event_date: '2026-01-02T03:04:05Z' })),
      auth.brevo,
    )
    expect((await olderBrevoBatch.json()).count).toBe(2)

    const { contacts } = await (await get('/v1/contacts?userId=u_42')).json()
    const list = await (await get('/v1/contacts?limit=1')).json()
    await get(`/v1/contacts?limit=1&cursor=${encodeURIComponent(list.nextCursor)}`)
    expect(contacts).toHaveLength(1)
    await get(`/v1/contacts/${contacts[0].id}`)
    await get(`/v1/contacts/${contacts[0].id}/events?limit=2&type=track`)
    const page = await (await get('/v1/events?limit=3&since=2020-01-01T00:00:00Z')).json()
    await get(`/v1/events?cursor=${encodeURIComponent(page.nextCursor)}`)
    await post('/v1/track', { event: 'page_viewed', anonymousId: '$cookieless' })
    const exported = await get(`/v1/contacts/${contacts[0].id}/export`)
    expect(exported.status).toBe(200)
    const erased = await conforming({ method: 'DELETE', url: `/v1/contacts/${contacts[0].id}`, headers: auth.secret })
    expect(erased.status).toBe(204)
    for (const url of ['/healthz', '/metrics', '/openapi.json']) await get(url, {})
  })

  it('describes the refusals too', async () => {
    expect((await get('/v1/events', {})).status).toBe(401)
    expect((await get('/v1/contacts/nobody')).status).toBe(404)
    expect((await get('/v1/contacts/nobody/export')).status).toBe(404)
    expect((await get('/v1/contacts?email=ada@example.com&userId=u_42')).status).toBe(400)
    expect((await post('/v1/batch', { batch: [] }, { Authorization: basic('wk_unknown') })).status).toBe(401)
  })

  it('refuses, as the collector does, bodies the routes refuse (the check can fail)', async () => {
    const refusedBodies: Array<[string, unknown]> = [
      ['/v1/batch', { batch: 'not an array' }],
      ['/v1/batch', { batch: [{ type: 'track', anonymousId: 'a' }] }], // no event name: rejected[] by the collector
      ['/v1/track', { userId: 'u', properties: { plan: 'pro' } }],
      ['/v3/events', { event_name: 'has spaces', identifiers: { ext_id: 'x' } }],
      ['/v3/events/batch', { event_name: 'not_an_array', identifiers: { ext_id: 'x' } }],
    ]
    for (const [url, body] of refusedBodies) {
      expect(validator.requestProblems({ method: 'POST', url, body }), url).not.toEqual([])
      const response = await collector.app.request(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(url.startsWith('/v3') ? auth.brevo : auth.write) },
        body: JSON.stringify(body),
      })
      const refused = response.status === 400 || (await response.json()).rejected?.length === 1
      expect(refused, url).toBe(true)
    }
    expect(validator.requestProblems({ method: 'GET', url: '/v1/events?limit=5000' })).not.toEqual([])
    expect(validator.requestProblems({ method: 'GET', url: '/v1/nothing-here' })).not.toEqual([])
  })

  it('takes what @segment/analytics-node really sends', async () => {
    const sent: RequestToCheck[] = []
    const analytics = new Analytics({
      writeKey: WRITE_KEY,
      host: 'http://collector',
      flushAt: 4,
      maxRetries: 0,
      httpClient: async (url, init) => {
        const request = { method: init.method, url: new URL(url).pathname, body: JSON.parse(String(init.body)) }
        sent.push(request)
        const response = await collector.app.request(request.url, init as RequestInit)
        expect(await validator.responseProblems(request, response)).toEqual([])
        return response
      },
    })
    analytics.identify({ userId: 'user-7', traits: { email: 'grace@example.com' } })
    analytics.track({ userId: 'user-7', event: 'order_completed', properties: { total: 99.5 } })
    analytics.page({ anonymousId: 'device-7', name: 'Pricing' })
    analytics.alias({ previousId: 'device-7', userId: 'user-7' })
    await analytics.closeAndFlush({ timeout: 10_000 })
    expect(sent.length).toBeGreaterThan(0)
    for (const request of sent) expect(validator.requestProblems(request)).toEqual([])
  })
})
