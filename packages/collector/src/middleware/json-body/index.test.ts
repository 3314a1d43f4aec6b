import { gzipSync } from 'node:zlib'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import type { CollectorEnv } from '../../collector-env.js'
import { errorHandler } from '../error-handler/index.js'
import { jsonBody } from './index.js'

const app = new Hono<CollectorEnv>()
app.post('/', jsonBody({ maxBytes: 1000, maxDepth: 8 }), (c) => c.json({ body: c.var.body }))
app.onError(errorHandler())

const send = (
  body: string | Uint8Array<ArrayBuffer> | null,
  headers: Record<string, string> = { 'Content-Type': 'application/json' },
) => app.request('/', { method: 'POST', headers, body })

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status)
  const { error } = await response.json()
  expect(error.code).toBe(code)
  expect(error.message.length).toBeGreaterThan(20)
}

describe('jsonBody', () => {
  it('parses application/json, text/plain and untyped bodies', async () => {
    for (const type of ['application/json; charset=utf-8', 'text/plain;charset=UTF-8']) {
      expect(await (await send('{"a":1}', { 'Content-Type': type })).json()).toEqual({ body: { a: 1 } })
    }
    expect((await send('{"a":1}', {})).status).toBe(200)
  })

  it("reads gzipped JSON labelled application/x-www-form-urlencoded, as RudderStack's Node SDK sends it", async () => {
    const headers = { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Encoding': 'gzip' }
    const response = await send(new Uint8Array(gzipSync('{"batch":[]}')), headers)
    expect(await response.json()).toEqual({ body: { batch: [] } })
  })

  it('replaces lone surrogates with U+FFFD in keys and values, once for the whole body', async () => {
    const response = await send('{"title":"Sale \\ud83d","\\udc00key":["\\ud83d\\ude00 ok"]}')
    expect(await response.json()).toEqual({ body: { title: 'Sale \ufffd', '\ufffdkey': ['😀 ok'] } })
  })

  it('decompresses gzip', async () => {
    const response = await send(new Uint8Array(gzipSync('{"zipped":true}')), { 'Content-Encoding': 'gzip' })
    expect(await response.json()).toEqual({ body: { zipped: true } })
  })

  it('limits the decompressed size, so a gzip bomb is a 413', async () => {
    const bomb = gzipSync(JSON.stringify({ pad: ' '.repeat(500_000) }))
    expect(bomb.byteLength).toBeLessThan(1000)
    await expectError(await send(new Uint8Array(bomb), { 'Content-Encoding': 'gzip' }), 413, 'payload_too_large')
  })

  it('limits the raw stream even without Content-Length', async () => {
    const chunks = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new TextEncoder().encode('['.repeat(400)))
      },
    })
    const response = await app.request('/', { method: 'POST', body: chunks, duplex: 'half' } as RequestInit)
    await expectError(response, 413, 'payload_too_large')
  })

  it('refuses what it cannot read with a 4xx a person can act on', async () => {
    await expectError(await send('{"a":'), 400, 'invalid_json')
    await expectError(await send(''), 400, 'empty_body')
    await expectError(
      await send(new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])),
      400,
      'invalid_encoding',
    )
    await expectError(await send(new Uint8Array([1, 2, 3]), { 'Content-Encoding': 'gzip' }), 400, 'invalid_gzip')
    await expectError(await send('{}', { 'Content-Encoding': 'br' }), 415, 'unsupported_encoding')
    const multipart = { 'Content-Type': 'multipart/form-data; boundary=x' }
    await expectError(await send('a=1', multipart), 415, 'unsupported_media_type')
    await expectError(await send('a=1', { 'Content-Type': 'application/x-www-form-urlencoded' }), 400, 'invalid_json')
    await expectError(await send(JSON.stringify({ a: [[[[[[[[[1]]]]]]]]] })), 400, 'too_deep')
  })

  it('counts nesting through objects and arrays alike: 8 levels pass, 9 are refused', async () => {
    const nested = (levels: number): unknown =>
      levels === 1 ? { leaf: true } : levels % 2 ? { next: nested(levels - 1) } : [1, nested(levels - 1)]
    // Siblings of a deep branch are walked too, and an own "__proto__" key counts as a key.
    const body = (levels: number) =>
      JSON.stringify({ flat: [1, 2], deep: nested(levels - 1) }).replace('"deep"', '"__proto__"')
    expect((await send(body(8))).status).toBe(200)
    await expectError(await send(body(9)), 400, 'too_deep')
  })

  it('answers 413 from Content-Length before reading', async () => {
    await expectError(await send('{}', { 'Content-Length': '5000' }), 413, 'payload_too_large')
  })
})
