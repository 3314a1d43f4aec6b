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

describe('GET /openapi.json', () => {
  it('is an OpenAPI 3.1 document holding every route the app serves, and nothing else', () => {
    expect(document.openapi).toBe('3.1.0')
    const served = collector.app.routes
      .filter((route) => route.method !== 'ALL')
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
    const readmeBatch = {
      batch: [{ type: 'track', event: 'cart_updated', anonymousId: 'visitor-1', messageId: 'readme-1', properties: { cart_id: 'c1', total: 42 } }],
    }
    const batch = await conforming({ method: 'POST', url: '/v1/batch', body: readmeBatch, headers: auth.write })
    expect(await batch.json()).toEqual({ accepted: 1, duplicates: 0, rejected: [] })
    await conforming({ method: 'POST', url: '/v1/batch', body: { batch: [trackEvent(), trackEvent({ userId: 42 })], sentAt: new Date().toISOString() }, headers: auth.write })
    await conforming({ method: 'POST', url: '/v1/track', body: { event: 'signup_started', userId: 'u_42', properties: { plan: 'pro' } }, headers: auth.write })
    await conforming({ method: 'POST', url: '/v1/identify', body: { userId: 'u_42', traits: { email: 'ada@example.com' } }, headers: auth.write })
    await conforming({ method: 'POST', url: '/v1/page', body: { anonymousId: 'visitor-1', name: 'Pricing' }, headers: auth.write })
    await conforming({ method: 'POST', url: '/v1/screen', body: { anonymousId: 'visitor-1', name: 'Home' }, headers: auth.write })
    await conforming({ method: 'POST', url: '/v1/group', body: { userId: 'u_42', groupId: 'acme' }, headers: auth.write })
    await conforming({ method: 'POST', url: '/v1/alias', body: { previousId: 'visitor-1', userId: 'u_42' }, headers: auth.write })
    const brevoEvent = { event_name: 'order_completed', identifiers: { email_id: 'ada@example.com' }, event_properties: { total: 59.9 } }
    expect((await conforming({ method: 'POST', url: '/v3/events', body: brevoEvent, headers: auth.brevo })).status).toBe(204)
    const brevoBatch = await conforming({ method: 'POST', url: '/v3/events/batch', body: [brevoEvent, { ...brevoEvent, event_name: 'cart_updated' }], headers: auth.brevo })
    expect(await brevoBatch.json()).toEqual({ count: 2 })

    const { contacts } = await (await conforming({ method: 'GET', url: '/v1/contacts?userId=u_42', headers: auth.secret })).json()
    expect(contacts).toHaveLength(1)
    await conforming({ method: 'GET', url: `/v1/contacts/${contacts[0].id}`, headers: auth.secret })
    await conforming({ method: 'GET', url: `/v1/contacts/${contacts[0].id}/events?limit=2&type=track`, headers: auth.secret })
    const page = await (await conforming({ method: 'GET', url: '/v1/events?limit=3&since=2020-01-01T00:00:00Z', headers: auth.secret })).json()
    await conforming({ method: 'GET', url: `/v1/events?cursor=${encodeURIComponent(page.nextCursor)}`, headers: auth.secret })
    expect((await conforming({ method: 'DELETE', url: `/v1/contacts/${contacts[0].id}`, headers: auth.secret })).status).toBe(204)
    await conforming({ method: 'GET', url: '/healthz' })
    await conforming({ method: 'GET', url: '/metrics' })
    await conforming({ method: 'GET', url: '/openapi.json' })
  })

  it('describes the refusals too', async () => {
    expect((await conforming({ method: 'GET', url: '/v1/events' })).status).toBe(401)
    expect((await conforming({ method: 'GET', url: '/v1/contacts/nobody', headers: auth.secret })).status).toBe(404)
    expect((await conforming({ method: 'GET', url: '/v1/contacts?email=ada@example.com&userId=u_42', headers: auth.secret })).status).toBe(400)
    expect((await conforming({ method: 'POST', url: '/v1/batch', body: { batch: [] }, headers: { Authorization: basic('wk_unknown') } })).status).toBe(401)
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
      const headers = url.startsWith('/v3') ? auth.brevo : auth.write
      const response = await collector.app.request(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) })
      const refused = response.status === 400 || (await response.json()).rejected?.length === 1
      expect(refused, url).toBe(true)
    }
    expect(validator.requestProblems({ method: 'GET', url: '/v1/events?limit=5000' })).not.toEqual([])
    expect(validator.requestProblems({ method: 'GET', url: '/v1/nothing-here' })).not.toEqual([])
  })

  it("takes what @segment/analytics-node really sends", async () => {
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
