import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BatchResponse, ContactDetail, StoredEvent } from '@sillage/protocol'
import { createStore } from '../src/stores/create-store.js'
import type { Store } from '../src/stores/store.js'
import { createTestSchema, type TestSchema } from './helpers/postgres-test-schema.js'
import { SECRET_KEY, testCollector } from './helpers/test-collector.js'

/**
 * Nasty but well-formed payloads: the envelope is valid, the content is what careless
 * integrations, fuzzers and attackers send. Whatever the store, each must answer 200
 * (with the bad events in `rejected[]`) or a 4xx — never a 5xx — and every event it
 * accepts must read back as sent (after a JSON round trip: `1e400` is `null` in JSON).
 */
interface HostileCase {
  name: string
  /** Raw JSON text of the whole request body, so values JSON.stringify cannot write (1e400) can be sent. */
  body: string
  route?: string
  /** messageIds that must come back in `rejected[]` (the rest must be accepted). */
  rejects?: string[]
}

const NUL = '\u0000'
/** Incompressible text: PostgreSQL compresses index keys, so 'a'.repeat(5000) would slip under its limit. */
const noise = (length: number) => randomBytes(length).toString('base64').slice(0, length)
const nested = (depth: number): unknown => (depth === 0 ? 'bottom' : { level: depth, inner: nested(depth - 1) })
const longEmail = (length: number) => `${'a'.repeat(length - '@example.com'.length)}@example.com`
const batch = (...events: Array<Record<string, unknown>>) => JSON.stringify({ batch: events })

const hostileCases: HostileCase[] = [
  {
    name: 'NUL characters in names, ids and messageIds',
    body: batch(
      { type: 'track', event: `cart${NUL}updated`, anonymousId: 'nul-1', messageId: 'nul-name' },
      { type: 'track', event: 'x', anonymousId: `nul${NUL}device`, messageId: 'nul-anonymous-id' },
      { type: 'track', event: 'x', anonymousId: 'nul-2', userId: `u${NUL}1`, messageId: 'nul-user-id' },
      { type: 'track', event: 'x', anonymousId: 'nul-3', messageId: `nul${NUL}message` },
      { type: 'page', name: `Home${NUL}`, anonymousId: 'nul-4', messageId: 'nul-page-name' },
    ),
    rejects: ['nul-name', 'nul-anonymous-id', 'nul-user-id', `nul${NUL}message`, 'nul-page-name'],
  },
  {
    name: 'NUL characters in properties, context and traits (keys and values)',
    body: batch(
      {
        type: 'track',
        event: 'x',
        anonymousId: 'nul-5',
        messageId: 'nul-properties',
        properties: { [`k${NUL}`]: `v${NUL}`, list: [NUL] },
        context: { [`c${NUL}`]: NUL },
      },
      {
        type: 'identify',
        anonymousId: 'nul-6',
        messageId: 'nul-traits',
        traits: { email: `ann${NUL}@example.com`, [`trait${NUL}key`]: `value${NUL}` },
      },
      {
        type: 'track',
        event: 'x',
        anonymousId: 'nul-7',
        messageId: 'nul-context-email',
        context: { traits: { email: `${NUL}@example.com` } },
      },
      {
        type: 'identify',
        anonymousId: 'nul-8',
        messageId: 'nul-traits-email',
        traits: { email: `ann${NUL}@example.com` },
      },
    ),
    rejects: ['nul-traits'],
  },
  {
    name: 'a 300-character and a 5,000-character traits.email',
    body: batch(
      { type: 'identify', anonymousId: 'long-email-1', messageId: 'email-300', traits: { email: longEmail(300) } },
      { type: 'identify', anonymousId: 'long-email-2', messageId: 'email-5000', traits: { email: longEmail(5000) } },
      {
        type: 'identify',
        userId: 'long-email-user',
        messageId: 'email-5000-context',
        context: { traits: { email: longEmail(5000) } },
      },
      {
        type: 'track',
        event: 'x',
        anonymousId: 'long-email-3',
        messageId: 'email-5000-track',
        context: { traits: { email: longEmail(5000) } },
      },
    ),
  },
  {
    name: 'deeply nested properties (accepted up to the depth limit, refused past it)',
    body: batch({
      type: 'track',
      event: 'deep',
      anonymousId: 'deep-1',
      messageId: 'deep-ok',
      properties: { tree: nested(25) },
    }),
  },
  {
    name: 'nesting past the depth limit',
    body: batch({
      type: 'track',
      event: 'deep',
      anonymousId: 'deep-2',
      messageId: 'deep-too',
      properties: { tree: nested(200) },
    }),
  },
  {
    name: 'huge, tiny and out-of-range numbers',
    body: `{"batch":[{"type":"track","event":"numbers","anonymousId":"num-1","messageId":"numbers","properties":{"max":1.7976931348623157e308,"min":5e-324,"neg":-1.7976931348623157e308,"overflow":1e400,"negOverflow":-1e400,"unsafe":12345678901234567890123,"exp":1e-400}},{"type":"identify","anonymousId":"num-2","messageId":"numbers-traits","traits":{"score":1e400,"big":9007199254740993}}]}`,
  },
  {
    name: 'lone surrogates in strings',
    body: `{"batch":[{"type":"track","event":"lone\\ud800","anonymousId":"lone-\\udc00","messageId":"lone-1","properties":{"k\\ud800":"v\\udfff","ok":"\\ud83d\\ude00"}},{"type":"identify","anonymousId":"lone-2","userId":"user-\\udbff","messageId":"lone-\\udc01","traits":{"name\\udc00":"x\\ud800","email":"l\\ud800@example.com"}}]}`,
  },
  {
    name: 'emoji everywhere',
    body: batch(
      {
        type: 'track',
        event: '🛒 cart_updated 👩‍👩‍👧',
        anonymousId: '📱-device',
        userId: '🙂',
        messageId: 'emoji-🎉',
        properties: { '🔑': '🗝️', text: 'ça va? 日本語 ﷽' },
      },
      { type: 'track', event: '😀'.repeat(127), anonymousId: 'emoji-2', messageId: 'emoji-long-name' },
      {
        type: 'identify',
        anonymousId: 'emoji-3',
        messageId: 'emoji-traits',
        traits: { email: 'ÉMOJI😀@Example.com', '👤': '✓' },
      },
    ),
  },
  {
    name: 'very long property and trait keys',
    body: batch(
      {
        type: 'track',
        event: 'x',
        anonymousId: 'keys-1',
        messageId: 'long-property-key',
        properties: { ['k'.repeat(20_000)]: 1 },
      },
      { type: 'identify', anonymousId: 'keys-2', messageId: 'long-trait-key', traits: { [noise(5_000)]: 1 } },
      { type: 'identify', anonymousId: 'keys-3', messageId: 'long-trait-key-2', traits: { ['é'.repeat(3_000)]: 2 } },
      { type: 'identify', anonymousId: 'keys-4', messageId: 'longest-trait-key', traits: { [noise(255)]: 3 } },
    ),
    rejects: ['long-trait-key', 'long-trait-key-2'],
  },
  {
    name: '__proto__, constructor and prototype as keys, names and ids',
    body: `{"batch":[
      {"type":"track","event":"__proto__","anonymousId":"__proto__","messageId":"proto-1","properties":{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"toString":1}},
      {"type":"identify","anonymousId":"constructor","userId":"hasOwnProperty","messageId":"proto-2","traits":{"__proto__":{"admin":true},"constructor":"x","email":"proto@example.com"},"context":{"__proto__":{"ip":"6.6.6.6"}}},
      {"type":"track","event":"constructor","anonymousId":"toString","messageId":"__proto__"}
    ]}`,
  },
  {
    name: 'identifiers that are numbers',
    body: `{"batch":[
      {"type":"identify","userId":42,"anonymousId":7,"messageId":"numeric-1","traits":{"email":"forty-two@example.com"}},
      {"type":"track","event":"x","userId":12345678901234567890,"messageId":"numeric-2"},
      {"type":"track","event":"x","userId":1e21,"anonymousId":-0.5,"messageId":"numeric-3"},
      {"type":"track","event":"x","userId":0,"anonymousId":-1,"messageId":"numeric-placeholders"},
      {"type":"track","event":"x","userId":1e400,"messageId":"numeric-infinite"},
      {"type":"alias","previousId":7,"userId":43,"messageId":"numeric-alias"}
    ]}`,
    // 0 and -1 are placeholders, not ids; 1e400 is Infinity.
    rejects: ['numeric-placeholders', 'numeric-infinite'],
  },
  {
    name: '/v1/identify with a NUL in a trait name',
    route: '/v1/identify',
    body: JSON.stringify({ anonymousId: 'single-1', messageId: 'single-identify', traits: { [`a${NUL}`]: 1 } }),
  },
  {
    name: '/v1/identify with a long trait name',
    route: '/v1/identify',
    body: JSON.stringify({ anonymousId: 'single-2', messageId: 'single-identify-2', traits: { [noise(4_000)]: 2 } }),
  },
  {
    name: 'Brevo contact_properties and event_properties with NUL and long keys',
    route: '/v3/events/batch',
    body: JSON.stringify([
      {
        event_name: 'brevo_hostile',
        event_date: '2026-03-01T10:00:00.000Z',
        identifiers: { email_id: 'brevo@example.com' },
        event_properties: { [`p${NUL}`]: NUL },
        contact_properties: { [`FIRST${NUL}NAME`]: 'Ann', [noise(4_000)]: 'x' },
      },
    ]),
  },
  {
    name: 'Brevo identifiers with NUL and over-long values',
    route: '/v3/events',
    body: JSON.stringify({
      event_name: 'brevo_ids',
      identifiers: { email_id: `${NUL}@example.com`, ext_id: 'x'.repeat(5_000) },
    }),
  },
]

/**
 * What a store gives back for a value sent as JSON: the value after one JSON round trip
 * (`1e400` is `null`), with lone surrogates — which JSON.stringify writes as `\udXXX`
 * escapes, and only those — replaced by U+FFFD.
 */
const asStored = (value: unknown) =>
  JSON.parse(JSON.stringify(value ?? null).replace(/\\ud[89a-f][0-9a-f]{2}/g, '\\ufffd'))

const stores: Array<{ name: string; open: () => Promise<{ store: Store; cleanUp: () => Promise<void> }> }> = [
  { name: 'memory', open: async () => ({ store: createStore('memory:'), cleanUp: async () => {} }) },
  {
    name: 'SQLite',
    open: async () => {
      const dir = await mkdtemp(join(tmpdir(), 'sillage-hostile-'))
      return {
        store: createStore(`sqlite:${join(dir, 'hostile.db')}`),
        cleanUp: () => rm(dir, { recursive: true, force: true }),
      }
    },
  },
  {
    name: 'PostgreSQL',
    open: async () => {
      const schema: TestSchema = await createTestSchema('hostile')
      return { store: createStore(schema.storeUrl({ params: { max: '3' } })), cleanUp: () => schema.drop() }
    },
  },
]

describe.each(stores)('hostile input through the app on the $name store', ({ open }) => {
  let collector: Awaited<ReturnType<typeof testCollector>>
  let cleanUp: () => Promise<void> = async () => {}

  beforeAll(async () => {
    const opened = await open()
    cleanUp = opened.cleanUp
    collector = await testCollector({ store: opened.store, rateLimit: false })
  })
  afterAll(async () => {
    await collector?.store.close()
    await cleanUp()
  })

  async function storedEvent(messageId: string): Promise<StoredEvent | undefined> {
    const { events } = (await (await collector.read('/v1/events?limit=1000')).json()) as { events: StoredEvent[] }
    return events.find((event) => event.messageId === messageId)
  }

  it.each(hostileCases)(
    '$name: never a 5xx, and what is accepted reads back as sent',
    async ({ body, route = '/v1/batch', rejects }) => {
      const response = await collector.post(route, body, { 'api-key': SECRET_KEY })
      const text = await response.text()
      expect(response.status, text).toBeLessThan(500)
      if (response.status >= 400) {
        expect(JSON.parse(text).error).toEqual({
          code: expect.any(String),
          message: expect.any(String),
          ...(JSON.parse(text).error.issues ? { issues: expect.any(Array) } : {}),
        })
        return
      }
      if (route !== '/v1/batch' && route !== '/v1/identify') return
      const sent = JSON.parse(body) as { batch?: Array<Record<string, unknown>> } & Record<string, unknown>
      const events = sent.batch ?? [{ ...sent, type: 'identify' }]
      const answer = JSON.parse(text) as BatchResponse
      expect(answer.accepted + answer.rejected.length).toBe(events.length)
      const rejected = new Set(answer.rejected.map((entry) => entry.index))
      const rejectedIds = events.filter((_, index) => rejected.has(index)).map((event) => String(event.messageId))
      expect(rejectedIds.sort(), JSON.stringify(answer.rejected)).toEqual([...(rejects ?? [])].sort())

      for (const [index, event] of events.entries()) {
        if (rejected.has(index)) continue
        const stored = await storedEvent(asStored(String(event.messageId)))
        expect(stored, `event ${index} (${String(event.messageId)}) was accepted but cannot be read back`).toBeDefined()
        if (event.type === 'track') {
          expect(stored!.name).toBe(asStored(String(event.event)).trim())
          expect(stored!.properties).toEqual(asStored(event.properties ?? {}))
        }
        if (typeof event.anonymousId === 'string' && stored!.anonymousId !== null)
          expect(stored!.anonymousId).toBe(asStored(event.anonymousId).trim())
        if (event.userId !== undefined && stored!.userId !== null)
          expect(stored!.userId).toBe(asStored(String(event.userId)).trim())
        if (event.type === 'identify' && event.traits) {
          const contact = (await (
            await collector.read(`/v1/contacts/${encodeURIComponent(stored!.contactId)}`)
          ).json()) as ContactDetail
          expect(contact.attributes).toEqual(expect.objectContaining(asStored(event.traits)))
        }
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    },
  )

  it('files a numeric userId under its text, so 42 and "42" are one person', async () => {
    const [contact] = ((await (await collector.read('/v1/contacts?userId=42')).json()) as { contacts: ContactDetail[] })
      .contacts
    expect(contact).toMatchObject({ userId: '42', email: 'forty-two@example.com' })
    const answer = (await (
      await collector.post('/v1/track', { event: 'x', userId: '42', messageId: 'numeric-as-text' })
    ).json()) as BatchResponse
    expect(answer.accepted).toBe(1)
    expect((await storedEvent('numeric-as-text'))!.contactId).toBe(contact!.id)
  })

  it('never takes an over-long or NUL-carrying email as an identifier', async () => {
    for (const anonymousId of ['long-email-1', 'long-email-2', 'nul-8']) {
      const [contact] = (
        (await (await collector.read(`/v1/contacts?anonymousId=${anonymousId}`)).json()) as {
          contacts: ContactDetail[]
        }
      ).contacts
      expect(contact).toMatchObject({ email: null, userId: null })
    }
  })

  it('answers a 4xx, never a 5xx, to NUL characters and forged cursors in read API requests', async () => {
    const cursor = (position: unknown) => Buffer.from(JSON.stringify(position)).toString('base64url')
    const paths = [
      '/v1/contacts?email=a%00b@example.com',
      '/v1/contacts?userId=u%00',
      '/v1/contacts?anonymousId=%00',
      '/v1/contacts/a%00b',
      '/v1/contacts/a%00b/events',
      '/v1/events?contactId=%00',
      '/v1/events?name=%00',
      `/v1/events?cursor=${cursor(['not a date', 1])}`,
    ]
    const statuses: Array<[string, number]> = await Promise.all(
      paths.map(async (path): Promise<[string, number]> => [path, (await collector.read(path)).status]),
    )
    statuses.push([
      'DELETE /v1/contacts/a%00b',
      (await collector.read('/v1/contacts/a%00b', { method: 'DELETE' })).status,
    ])
    expect(statuses.filter(([, status]) => status >= 500)).toEqual([])
  })
})
