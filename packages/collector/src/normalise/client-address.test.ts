import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import type { CollectorEnv } from '../collector-env.js'
import { clientAddress } from './client-address.js'

function addressApp(trustProxy: boolean) {
  const app = new Hono<CollectorEnv>()
  app.get('/', (c) => c.json({ ip: clientAddress(c, { trustProxy }) }))
  return app
}

const forwarded = { headers: { 'X-Forwarded-For': '198.51.100.9, 10.0.0.1' } }
const socket = (remoteAddress: string) =>
  ({ incoming: { socket: { remoteAddress } } }) as unknown as CollectorEnv['Bindings']

describe('clientAddress', () => {
  it('ignores X-Forwarded-For unless the proxy is trusted: any client can forge it', async () => {
    expect(await (await addressApp(false).request('/', forwarded, socket('203.0.113.5'))).json()).toEqual({
      ip: '203.0.113.5',
    })
    expect(await (await addressApp(true).request('/', forwarded, socket('10.0.0.1'))).json()).toEqual({
      ip: '198.51.100.9',
    })
  })

  it('shows IPv4 clients of a dual-stack socket as plain IPv4', async () => {
    expect(await (await addressApp(false).request('/', {}, socket('::ffff:192.0.2.4'))).json()).toEqual({
      ip: '192.0.2.4',
    })
  })
})
