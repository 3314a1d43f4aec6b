import { describe, expect, it } from 'vitest'
import type { IpStorage } from '../normalise/stored-address.js'
import { basic, SECRET_KEY, testCollector, trackEvent, WRITE_KEY } from '../../test/helpers/test-collector.js'

async function storedContexts(ipStorage: IpStorage | undefined) {
  // Behind a proxy, so each request can come from an address of the test's choosing.
  const { post, read } = await testCollector({ trustProxy: true, ...(ipStorage === undefined ? {} : { ipStorage }) })
  const send = (path: string, body: unknown, auth: Record<string, string>, address: string) =>
    post(path, body, { ...auth, 'X-Forwarded-For': address })
  const browser = send(
    '/v1/batch',
    { batch: [trackEvent({ messageId: 'from-browser' })] },
    { Authorization: basic(WRITE_KEY) },
    '203.0.113.77',
  )
  const server = send(
    '/v1/batch',
    { batch: [trackEvent({ messageId: 'from-server', context: { ip: '2001:db8:85a3:8d3:1319:8a2e:370:7348' } })] },
    { Authorization: basic(WRITE_KEY) },
    '198.51.100.1',
  )
  const brevo = send(
    '/v3/events',
    { event_name: 'order_completed', identifiers: { email_id: 'ada@example.com' } },
    { 'api-key': SECRET_KEY },
    '::ffff:192.0.2.200',
  )
  for (const response of await Promise.all([browser, server, brevo])) expect(response.status).toBeLessThan(300)
  const { events } = (await (await read('/v1/events')).json()) as {
    events: Array<{ messageId: string; name: string; context: { ip?: unknown } }>
  }
  const ipOf = (pick: (event: (typeof events)[number]) => boolean) => events.find(pick)!.context.ip
  return {
    browser: ipOf((event) => event.messageId === 'from-browser'),
    server: ipOf((event) => event.messageId === 'from-server'),
    brevo: ipOf((event) => event.name === 'order_completed'),
  }
}

describe('what context.ip keeps', () => {
  it('keeps only the network by default, whoever gave the address', async () => {
    expect(await storedContexts(undefined)).toEqual({
      browser: '203.0.113.0',
      server: '2001:db8:85a3::',
      brevo: '::ffff:192.0.2.0',
    })
  })

  it('keeps the whole address with full', async () => {
    expect(await storedContexts('full')).toEqual({
      browser: '203.0.113.77',
      server: '2001:db8:85a3:8d3:1319:8a2e:370:7348',
      brevo: '::ffff:192.0.2.200',
    })
  })

  it('keeps no address with none', async () => {
    expect(await storedContexts('none')).toEqual({ browser: null, server: null, brevo: null })
  })
})
