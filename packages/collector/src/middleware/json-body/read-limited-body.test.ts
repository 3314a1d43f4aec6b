import { once } from 'node:events'
import { type IncomingMessage, request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CollectorEnv } from '../../collector-env.js'
import { errorHandler } from '../error-handler/index.js'
import { jsonBody } from './index.js'

// The same middleware as index.test.ts, served by Node: the body is read from
// IncomingMessage, not through app.request()'s web stream.
const app = new Hono<CollectorEnv>()
app.post('/', jsonBody({ maxBytes: 100_000 }), (c) => c.json({ body: c.var.body }))
app.onError(errorHandler())
let server: ReturnType<typeof serve>
let port: number

beforeAll(async () => {
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
  await once(server, 'listening')
  port = (server.address() as AddressInfo).port
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

/** Sends the chunks one write at a time (chunked encoding unless a Content-Length is given). */
function post(
  chunks: Array<string | Buffer>,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/',
        headers: { 'content-type': 'application/json', ...headers },
      },
      async (res: IncomingMessage) => {
        let text = ''
        for await (const chunk of res) text += chunk
        resolve({ status: res.statusCode!, body: JSON.parse(text) })
      },
    )
    req.on('error', reject)
    for (const chunk of chunks) req.write(chunk)
    req.end()
  })
}

describe('jsonBody served by Node', () => {
  it('reads a body sent in many chunks', async () => {
    const events = Array.from({ length: 200 }, (_, i) => ({ i, name: 'x'.repeat(50) }))
    const text = JSON.stringify({ batch: events })
    const chunks = text.match(/[\s\S]{1,1000}/g)!
    const response = await post(chunks)
    expect(response.status).toBe(200)
    expect(response.body.body.batch).toHaveLength(200)
  })

  it('decompresses gzip', async () => {
    const response = await post([gzipSync('{"zipped":true}')], { 'content-encoding': 'gzip' })
    expect(response).toEqual({ status: 200, body: { body: { zipped: true } } })
  })

  it('answers 413 to a chunked body past the limit, and keeps serving', async () => {
    const response = await post(Array.from({ length: 30 }, () => ' '.repeat(10_000)))
    expect(response.status).toBe(413)
    expect(response.body.error.code).toBe('payload_too_large')
    expect((await post(['{"after":1}'])).status).toBe(200)
  })

  it('survives a client that goes away mid-body', async () => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/', headers: { 'content-length': '5000' } })
    req.on('error', () => {})
    req.write('{"batch":[')
    await new Promise((resolve) => setTimeout(resolve, 50))
    req.destroy()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect((await post(['{"still":"up"}'])).body).toEqual({ body: { still: 'up' } })
  })
})
