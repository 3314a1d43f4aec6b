import { gzipSync } from 'node:zlib'
import { createCollector } from '../../src/create-collector.js'
import type { CollectorOptions } from '../../src/create-collector.js'
import { createStore } from '../../src/stores/create-store.js'

export const WRITE_KEY = 'wk_test_1234'
export const SECRET_KEY = 'sk_test_0123456789abcdef'

export const basic = (key: string) => `Basic ${Buffer.from(`${key}:`).toString('base64')}`

/** A collector on a fresh `memory:` store (SQLite on a temporary file), with helpers that send real requests through `app.request()`. */
export async function testCollector(overrides: Partial<CollectorOptions> = {}) {
  const store = overrides.store ?? createStore('memory:')
  await store.open()
  const app = createCollector({ store, writeKeys: [WRITE_KEY], secretKey: SECRET_KEY, log: () => {}, ...overrides })

  /** POST a JSON body (object or raw string), by default with Basic auth of the write key. */
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    app.request(path, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: basic(WRITE_KEY), ...headers },
      body: typeof body === 'string' ? body : body instanceof Uint8Array ? new Uint8Array(body) : JSON.stringify(body),
    })

  const postGzip = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    post(path, new Uint8Array(gzipSync(JSON.stringify(body))), { 'Content-Encoding': 'gzip', ...headers })

  /** GET with the secret key, as the read API wants. */
  const read = (path: string, init: RequestInit = {}) =>
    app.request(path, { ...init, headers: { Authorization: `Bearer ${SECRET_KEY}`, ...init.headers } })

  return { app, store, post, postGzip, read }
}

let counter = 0
/** A valid track event with a unique messageId. */
export function trackEvent(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1
  return {
    type: 'track',
    event: 'button_clicked',
    anonymousId: 'anon-1',
    messageId: `m-${Date.now()}-${counter}`,
    timestamp: new Date().toISOString(),
    ...overrides,
  }
}
