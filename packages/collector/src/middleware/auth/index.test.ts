import { describe, expect, it } from 'vitest'
import { basic, SECRET_KEY, testCollector, trackEvent, WRITE_KEY } from '../../../test/helpers/test-collector.js'

const batch = () => ({ batch: [trackEvent()] })

describe('writeKeyAuth on the ingestion routes', () => {
  it('accepts Authorization: Basic base64(writeKey:)', async () => {
    const { post } = await testCollector()
    expect((await post('/v1/batch', batch(), { Authorization: basic(WRITE_KEY) })).status).toBe(200)
  })

  it('accepts writeKey in the body', async () => {
    const { post } = await testCollector()
    expect((await post('/v1/batch', { ...batch(), writeKey: WRITE_KEY }, { Authorization: '' })).status).toBe(200)
  })

  it('accepts ?writeKey= in the query', async () => {
    const { post } = await testCollector()
    expect((await post(`/v1/batch?writeKey=${WRITE_KEY}`, batch(), { Authorization: '' })).status).toBe(200)
  })

  it('accepts the secret key wherever a write key goes, under the api source', async () => {
    const { post, read } = await testCollector()
    expect((await post('/v1/batch', batch(), { Authorization: basic(SECRET_KEY) })).status).toBe(200)
    expect((await post(`/v1/batch?writeKey=${SECRET_KEY}`, batch(), { Authorization: '' })).status).toBe(200)
    expect((await post('/v1/batch', { ...batch(), writeKey: SECRET_KEY }, { Authorization: '' })).status).toBe(200)
    expect((await (await read('/v1/events')).json()).events).toHaveLength(3)
  })

  it('answers 401 for a missing or unknown key', async () => {
    const { post } = await testCollector()
    const missing = await post('/v1/batch', batch(), { Authorization: '' })
    expect(missing.status).toBe(401)
    expect((await missing.json()).error.message).toMatch(/Missing write key/)
    const unknown = await post('/v1/batch', batch(), { Authorization: basic('wk_somebody_else') })
    expect(unknown.status).toBe(401)
    expect((await unknown.json()).error).toMatchObject({
      code: 'unauthorized',
      message: expect.stringMatching(/Unknown write key/),
    })
  })

  it('de-duplicates per source: the same messageId under another key is another event', async () => {
    const { post } = await testCollector({ writeKeys: [WRITE_KEY, 'wk_second_site'] })
    const event = trackEvent()
    expect((await (await post('/v1/batch', { batch: [event] })).json()).accepted).toBe(1)
    const other = await post('/v1/batch', { batch: [event] }, { Authorization: basic('wk_second_site') })
    expect((await other.json()).accepted).toBe(1)
  })
})

describe('secretKeyAuth on the read API', () => {
  it('refuses write keys and wrong secrets, accepts the secret key', async () => {
    const { app } = await testCollector()
    const get = (authorization: string) => app.request('/v1/events', { headers: { Authorization: authorization } })
    expect((await get('')).status).toBe(401)
    expect((await get(`Bearer ${WRITE_KEY}`)).status).toBe(401)
    expect((await get(basic(SECRET_KEY))).status).toBe(401)
    expect((await get(`Bearer ${SECRET_KEY}`)).status).toBe(200)
  })
})

describe('brevoKeyAuth on /v3/events', () => {
  it('wants the secret key in the api-key header', async () => {
    const { post } = await testCollector()
    const event = { event_name: 'signup', identifiers: { email_id: 'a@example.com' } }
    expect((await post('/v3/events', event, { Authorization: '' })).status).toBe(401)
    expect((await post('/v3/events', event, { 'api-key': WRITE_KEY })).status).toBe(401)
    expect((await post('/v3/events', event, { 'api-key': SECRET_KEY })).status).toBe(204)
  })
})
