import { beforeAll, describe, expect, it } from 'vitest'
import { openApiValidator, type RequestToCheck } from '../helpers/openapi-validator.js'
import { SECRET_KEY, testCollector } from '../helpers/test-collector.js'

let collector: Awaited<ReturnType<typeof testCollector>>
let validator: ReturnType<typeof openApiValidator>

beforeAll(async () => {
  collector = await testCollector()
  validator = openApiValidator(await (await collector.app.request('/openapi.json')).json())
})

/**
 * A request with the secret key; its answer must conform to the OpenAPI document, and so
 * must the request unless it is a bad one on purpose.
 */
async function call(method: string, url: string, body?: unknown, { wellFormed = true } = {}) {
  const request: RequestToCheck = { method, url, body }
  if (wellFormed) expect(validator.requestProblems(request), `${method} ${url}`).toEqual([])
  const response = await collector.app.request(url, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${SECRET_KEY}` },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  })
  expect(await validator.responseProblems(request, response.clone()), `${method} ${url}`).toEqual([])
  return { status: response.status, body: response.status === 204 ? null : await response.json() }
}

describe('automation and webhook API', () => {
  it('creates, reads, rotates and deletes an endpoint, never showing its headers', async () => {
    const created = await call('POST', '/v1/webhooks', {
      url: 'https://hooks.example.com/x',
      headers: { 'api-key': 'hidden-1' },
    })
    expect(created).toMatchObject({ status: 201, body: { url: 'https://hooks.example.com/x', enabled: true } })
    expect(created.body.secret).toMatch(/^whsec_/)
    const { id } = created.body
    const read = await call('GET', `/v1/webhooks/${id}`)
    expect(JSON.stringify(read.body)).not.toMatch(/hidden-1|whsec_/)
    const rotated = await call('POST', `/v1/webhooks/${id}/rotate-secret`)
    expect(rotated.body.secret).toMatch(/^whsec_/)
    expect(rotated.body.secret).not.toBe(created.body.secret)
    expect((await call('GET', '/v1/webhooks')).body.webhooks.map((w: { id: string }) => w.id)).toContain(id)
    expect((await call('DELETE', `/v1/webhooks/${id}`)).status).toBe(204)
    expect((await call('GET', `/v1/webhooks/${id}`)).status).toBe(404)
  })

  it('changes an endpoint: enabled again after a 410, a new url checked, headers replaced, never shown', async () => {
    const created = await call('POST', '/v1/webhooks', {
      url: 'https://hooks.example/a',
      description: 'CRM',
      headers: { 'api-key': 'hidden-1' },
    })
    const { id } = created.body
    const disabled = await call('PATCH', `/v1/webhooks/${id}`, { enabled: false })
    expect(disabled).toMatchObject({ status: 200, body: { id, enabled: false, url: 'https://hooks.example/a' } })
    const changed = await call('PATCH', `/v1/webhooks/${id}`, {
      enabled: true,
      url: 'https://hooks.example/b',
      description: null,
      headers: { 'api-key': 'hidden-2' },
    })
    expect(changed.body).toMatchObject({ id, enabled: true, url: 'https://hooks.example/b', description: null })
    expect(JSON.stringify(changed.body)).not.toMatch(/hidden|whsec_/)
    const stored = await collector.store.transaction((tx) => tx.findRecords({ kind: 'webhook-endpoint', id, limit: 1 }))
    expect(stored[0]!.body).toMatchObject({ headers: { 'api-key': 'hidden-2' } })

    const privateUrl = await call('PATCH', `/v1/webhooks/${id}`, { url: 'http://10.0.0.8/hook' })
    expect(privateUrl.status).toBe(400)
    expect(privateUrl.body.error.message).toMatch(/webhook-allow-private/)
    const empty = await call('PATCH', `/v1/webhooks/${id}`, {}, { wellFormed: false })
    expect(empty.status).toBe(400)
    expect(empty.body.error.message).toMatch(/at least one of url, description, headers, enabled/)
    const notBoolean = await call('PATCH', `/v1/webhooks/${id}`, { enabled: 'yes' }, { wellFormed: false })
    expect(notBoolean.body.error.message).toMatch(/enabled: must be true or false/)
    expect((await call('PATCH', '/v1/webhooks/wh_missing', { enabled: true })).status).toBe(404)
    expect((await call('GET', `/v1/webhooks/${id}`)).body).toMatchObject({ url: 'https://hooks.example/b' })
  })

  it('refuses a private address unless the collector allows them, and says how', async () => {
    const refused = await call('POST', '/v1/webhooks', { url: 'http://127.0.0.1:9000/hook' })
    expect(refused.status).toBe(400)
    expect(refused.body.error.message).toMatch(/webhook-allow-private/)
    const invalid = { url: 'ftp://x.example', headers: { 'webhook-id': 'x' } }
    const bad = await call('POST', '/v1/webhooks', invalid, { wellFormed: false })
    expect(bad.status).toBe(400)
    expect(bad.body.error.message).toMatch(/http or https.*cannot be replaced|cannot be replaced.*http or https/s)
  })

  it('creates, replaces, lists and deletes automations; lists runs', async () => {
    const definition = { name: 'Welcome', trigger: { event: 'signed_up' }, steps: [{ exit: 'done' }] }
    const created = await call('POST', '/v1/automations', definition)
    expect(created).toMatchObject({
      status: 201,
      body: { ...definition, trigger: [definition.trigger], enabled: true },
    })
    const id = created.body.id
    const replaced = await call('PUT', `/v1/automations/${id}`, { ...definition, name: 'Welcome 2', enabled: false })
    expect(replaced.body).toMatchObject({ id, name: 'Welcome 2', enabled: false, createdAt: created.body.createdAt })
    expect((await call('GET', `/v1/automations/${id}`)).body.name).toBe('Welcome 2')
    expect((await call('GET', '/v1/automations')).body.automations).toHaveLength(1)
    expect(await call('GET', `/v1/automations/${id}/runs?status=waiting`)).toEqual({
      status: 200,
      body: { runs: [], nextCursor: null },
    })
    expect((await call('DELETE', `/v1/automations/${id}`)).status).toBe(204)
    expect((await call('GET', `/v1/automations/${id}/runs`)).status).toBe(404)
  })

  it('lists endpoints and automations a page at a time, newest first, without repeats or gaps', async () => {
    const made = { webhooks: [] as string[], automations: [] as string[] }
    for (let i = 0; i < 5; i++) {
      made.webhooks.push((await call('POST', '/v1/webhooks', { url: `https://hooks.example.com/${i}` })).body.id)
      const definition = { name: `Paged ${i}`, trigger: { event: 'paged' }, steps: [{ exit: 'done' }] }
      made.automations.push((await call('POST', '/v1/automations', definition)).body.id)
    }
    for (const list of ['webhooks', 'automations'] as const) {
      const listed: string[] = []
      let cursor: string | null = null
      let pages = 0
      do {
        const page = await call('GET', `/v1/${list}?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
        listed.push(...page.body[list].map((item: { id: string }) => item.id))
        cursor = page.body.nextCursor
        pages++
      } while (cursor)
      // Other tests of this file add their own: those made here come first, newest first, each once.
      expect(listed.slice(0, 5), list).toEqual([...made[list]].reverse())
      expect(new Set(listed).size, list).toBe(listed.length)
      expect(pages, list).toBe(Math.ceil(listed.length / 2))
    }
  })

  it('answers a bad definition, query or id with a 4xx that says what to fix', async () => {
    const definition = { name: 'x', trigger: { event: 'e' }, steps: [{ delay: 'soon' }] }
    const bad = await call('POST', '/v1/automations', definition, { wellFormed: false })
    expect(bad.status).toBe(400)
    expect(bad.body.error.message).toMatch(/^Invalid automation: steps\.0\.delay: "soon" is not a duration/)
    expect(
      (await call('GET', '/v1/deliveries?status=lost', undefined, { wellFormed: false })).body.error.message,
    ).toMatch(/pending, delivered, failed, endpoint-deleted/)
    for (const query of ['limit=0', 'limit=1001', 'limit=ten', 'cursor=forged']) {
      const answer = await call('GET', `/v1/deliveries?${query}`, undefined, { wellFormed: false })
      expect(answer.status, query).toBe(400)
      expect(answer.body.error.message, query).toMatch(/limit|cursor/)
    }
    expect((await call('POST', '/v1/deliveries/dl_nope/replay')).status).toBe(404)
    expect((await call('GET', '/v1/contacts/nobody/runs')).status).toBe(404)
    expect((await call('GET', '/v1/automations/%00/runs')).status).toBe(404)
    const unauthenticated = await collector.app.request('/v1/automations')
    expect(unauthenticated.status).toBe(401)
  })
})
