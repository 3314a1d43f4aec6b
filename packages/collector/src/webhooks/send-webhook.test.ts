import { Webhook } from 'standardwebhooks'
import { afterEach, describe, expect, it } from 'vitest'
import { startWebhookReceiver, type WebhookReceiver } from '../../test/helpers/webhook-receiver.js'
import type { ResolveHost } from './checked-lookup.js'
import { sendWebhook, type SendWebhookOptions } from './send-webhook.js'
import { generateWebhookSecret } from './webhook-secret.js'

const secret = generateWebhookSecret()
const body = JSON.stringify({ type: 'automation.webhook', data: { contact: { email: 'ada@example.com' } } })
const receivers: WebhookReceiver[] = []

async function receiver(...args: Parameters<typeof startWebhookReceiver>) {
  const started = await startWebhookReceiver(...args)
  receivers.push(started)
  return started
}

afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()))
})

const send = (options: Partial<SendWebhookOptions> & { url: string }) =>
  sendWebhook({ messageId: 'msg_1', body, secrets: [secret], allowPrivate: true, ...options })

/** A resolver that answers these addresses for any name, as a DNS server under someone else's control could. */
const resolvesTo =
  (...addresses: string[]): ResolveHost =>
  (_, callback) =>
    callback(
      null,
      addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
    )

describe('sendWebhook to a real receiver', () => {
  it('posts the body signed, with the endpoint headers, and reports it delivered', async () => {
    const hooks = await receiver()
    const attempt = await send({ url: `${hooks.url}/hooks?x=1`, headers: { 'api-key': 'k-123' } })
    expect(attempt).toEqual({ outcome: 'delivered', status: 204, durationMs: expect.any(Number) })
    const [request] = hooks.received
    expect(request).toMatchObject({ path: '/hooks?x=1', body })
    expect(request!.headers).toMatchObject({
      'api-key': 'k-123',
      'content-type': 'application/json',
      'webhook-id': 'msg_1',
    })
    const headers = request!.headers as Record<string, string>
    expect(new Webhook(secret).verify(request!.body, headers)).toEqual(JSON.parse(body))
  })

  it('keeps the webhook-id of a message across attempts', async () => {
    const hooks = await receiver()
    await send({ url: hooks.url, messageId: 'msg_same' })
    await send({ url: hooks.url, messageId: 'msg_same' })
    expect(hooks.received.map((r) => r.headers['webhook-id'])).toEqual(['msg_same', 'msg_same'])
  })

  it('reports a 410 as gone, so the endpoint can be disabled', async () => {
    const hooks = await receiver((_, response) => response.writeHead(410).end('unsubscribed'))
    expect(await send({ url: hooks.url })).toEqual({ outcome: 'gone', status: 410, durationMs: expect.any(Number) })
  })

  it('reports other answers as failed, with what the receiver said and the pause it asked for', async () => {
    const busy = await receiver((_, response) =>
      response.writeHead(503, { 'retry-after': '120' }).end('{"error": "busy"}'),
    )
    expect(await send({ url: busy.url })).toMatchObject({
      outcome: 'failed',
      status: 503,
      error: 'answered 503: {"error": "busy"}',
      retryAfterMs: 120_000,
    })
    const limited = await receiver((_, response) =>
      response.writeHead(429, { 'retry-after': 'Fri, 04 Dec 2026 03:10:00 GMT' }).end(),
    )
    const now = () => new Date('2026-12-04T03:00:00Z')
    const limitedAttempt = await send({ url: limited.url, now })
    expect(limitedAttempt).toMatchObject({ outcome: 'failed', status: 429, retryAfterMs: 600_000 })
    const refused = await receiver((_, response) => response.writeHead(401).end('x'.repeat(10_000)))
    const attempt = await send({ url: refused.url })
    expect(attempt).toMatchObject({ outcome: 'failed', status: 401, retryAfterMs: null })
    expect('error' in attempt && attempt.error.length).toBeLessThan(320)
  })

  it('does not follow a redirect', async () => {
    const hooks = await receiver((request, response) =>
      request.path === '/old' ? response.writeHead(301, { location: '/new' }).end() : response.writeHead(200).end(),
    )
    expect(await send({ url: `${hooks.url}/old` })).toMatchObject({
      outcome: 'failed',
      status: 301,
      error: 'answered 301, a redirect to /new, which is not followed: give the endpoint its final URL',
    })
    expect(hooks.received.map((r) => r.path)).toEqual(['/old'])
  })

  it('measures how long the receiver took to answer', async () => {
    const slow = await receiver((_, response) => setTimeout(() => response.writeHead(200).end(), 250))
    const attempt = await send({ url: slow.url })
    expect(attempt.outcome).toBe('delivered')
    expect(attempt.durationMs).toBeGreaterThanOrEqual(240)
    expect(attempt.durationMs).toBeLessThan(5000)
  })

  it('gives up on a receiver that does not answer in time', async () => {
    const hanging = await receiver(() => {})
    const attempt = await send({ url: hanging.url, timeoutMs: 300 })
    expect(attempt).toMatchObject({ outcome: 'failed', status: null, error: 'no answer within 0.3 s' })
    expect(attempt.durationMs).toBeGreaterThanOrEqual(290)
  })

  it('explains a receiver that is not there or a name that does not resolve', async () => {
    const gone = await receiver()
    await gone.close()
    expect(await send({ url: gone.url })).toMatchObject({
      outcome: 'failed',
      error: `127.0.0.1:${gone.port} refused the connection: is the receiver running?`,
    })
    const nxdomain: ResolveHost = (hostname, callback) =>
      callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), [])
    expect(await send({ url: 'https://hooks.example.com/x', resolve: nxdomain })).toMatchObject({
      outcome: 'failed',
      error: 'could not resolve hooks.example.com: check the endpoint URL',
    })
  })
})

describe('sendWebhook refuses private destinations unless allowed', () => {
  const refusal = (what: string) =>
    `${what}; webhooks to such addresses are refused unless the collector runs with --webhook-allow-private`

  it.each([
    ['http://127.0.0.1:PORT/hooks', '127.0.0.1 is a loopback address'],
    ['http://10.0.0.7/hooks', '10.0.0.7 is a private address'],
    ['http://169.254.169.254/latest/meta-data/', '169.254.169.254 is a link-local address'],
    ['http://[::1]:PORT/hooks', '::1 is a loopback address'],
    ['http://[::ffff:127.0.0.1]:PORT/', '::ffff:7f00:1 is a loopback address (as ::ffff:7f00:1)'],
    ['http://0x7f.1:PORT/', '127.0.0.1 is a loopback address'],
    // localhost resolves to 127.0.0.1, ::1 or both, in an order the system decides.
    ['http://localhost:PORT/hooks', /^localhost, which resolves to (127\.0\.0\.1|::1) is a loopback address/],
  ])('refuses %s', async (url, reason) => {
    const hooks = await receiver()
    const attempt = await send({ url: url.replace('PORT', String(hooks.port)), allowPrivate: false })
    expect(attempt).toMatchObject({ outcome: 'failed', status: null, retryAfterMs: null })
    const error = 'error' in attempt ? attempt.error : ''
    if (typeof reason === 'string') expect(error).toBe(refusal(reason))
    else expect(error).toMatch(reason)
    expect(hooks.received).toEqual([])
  })

  it('checks every address a name resolves to, at connect time', async () => {
    const hooks = await receiver()
    const url = `http://hooks.example.com:${hooks.port}/hooks`
    expect(await send({ url, allowPrivate: false, resolve: resolvesTo('93.184.215.14', '127.0.0.1') })).toMatchObject({
      outcome: 'failed',
      error: refusal('hooks.example.com, which resolves to 127.0.0.1 is a loopback address'),
    })
    expect(hooks.received).toEqual([])
    // The addresses checked are the ones connected to: allowed, this name reaches the local receiver.
    expect(await send({ url, resolve: resolvesTo('127.0.0.1') })).toMatchObject({ outcome: 'delivered' })
    expect(hooks.received.map((r) => r.headers.host)).toEqual([`hooks.example.com:${hooks.port}`])
  })
})

describe('sendWebhook never throws', () => {
  it('turns a URL it cannot use into a failed attempt', async () => {
    expect(await send({ url: 'not a url' })).toMatchObject({
      outcome: 'failed',
      error: '"not a url" is not a URL: correct the endpoint',
    })
    expect(await send({ url: 'ftp://example.com/x' })).toMatchObject({
      outcome: 'failed',
      error: 'ftp: is not http or https: correct the endpoint',
    })
  })

  it('settles a delivery on its status, without waiting for a body that streams slowly', async () => {
    const streaming = await receiver((_, response) => {
      response.writeHead(200)
      response.write('still going')
    })
    const attempt = await send({ url: streaming.url, timeoutMs: 60_000 })
    expect(attempt).toMatchObject({ outcome: 'delivered', status: 200 })
    expect(attempt.durationMs).toBeLessThan(10_000)
  })
})
