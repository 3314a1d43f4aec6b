import { describe, expect, it } from 'vitest'
import { makeEvent, minute } from './event-fixture.test-suite.js'
import { allEvents, type StoreHarness, useStores } from './store-harness.test-suite.js'
import { ingest } from './ingest-counts.test-suite.js'

/** Storing events exactly once and exactly as given (docs/api.md, what is stored). */
export function describeIngestContract(harness: StoreHarness): void {
  describe('ingest and de-duplication', () => {
    const stores = useStores(harness)

    it('is healthy once open', async () => {
      const store = await stores.open()
      expect(await store.isHealthy()).toBe(true)
    })

    it('stores every field of an event as given', async () => {
      const store = await stores.open()
      const properties = {
        url: 'https://shop.example/p?q=1',
        total: 12.5,
        tags: ['a', 'é'],
        nested: { deep: { ok: true } },
        none: null,
      }
      const event = {
        ...makeEvent({
          messageId: 'm1',
          anon: 'd1',
          userId: 'u1',
          email: 'ann@example.com',
          type: 'page',
          name: 'page_visited',
          properties,
        }),
      }
      event.sentAt = minute(2)
      event.receivedAt = minute(3)
      event.originalTimestamp = minute(1)
      expect(await ingest(store, [event])).toEqual({ accepted: 1, duplicates: 0 })
      const [stored] = await allEvents(store)
      expect(stored).toEqual({
        messageId: 'm1',
        type: 'page',
        name: 'page_visited',
        contactId: expect.any(String),
        anonymousId: 'd1',
        userId: 'u1',
        email: 'ann@example.com',
        properties: event.properties,
        context: event.context,
        timestamp: event.timestamp,
        originalTimestamp: minute(1),
        sentAt: minute(2),
        receivedAt: minute(3),
        identity: 'identified',
      })
    })

    it('counts a messageId repeated in one batch once and the repeat as a duplicate', async () => {
      const store = await stores.open()
      const result = await ingest(store, [
        makeEvent({ messageId: 'm1', anon: 'd1' }),
        makeEvent({ messageId: 'm1', anon: 'd1' }),
      ])
      expect(result).toEqual({ accepted: 1, duplicates: 1 })
      expect(await allEvents(store)).toHaveLength(1)
    })

    it('a retried event changes nothing, not even the identity it now claims', async () => {
      const store = await stores.open()
      await ingest(store, [makeEvent({ messageId: 'm1', anon: 'd1', name: 'viewed' })])
      const retry = makeEvent({ messageId: 'm1', anon: 'd1', userId: 'u1', name: 'viewed', traits: { plan: 'pro' } })
      expect(await ingest(store, [retry, makeEvent({ messageId: 'm2', anon: 'd2' })])).toEqual({
        accepted: 1,
        duplicates: 1,
      })
      expect(await store.findContacts({ userId: 'u1' })).toEqual([])
      const [contact] = await store.findContacts({ anonymousId: 'd1' })
      expect(contact).toMatchObject({ userId: null, attributes: {}, summaries: [{ name: 'viewed', count: 1 }] })
    })

    it('de-duplicates per source: the same messageId from two write keys is two events', async () => {
      const store = await stores.open()
      await ingest(store, [makeEvent({ messageId: 'm1', anon: 'd1', source: 'wk_a' })])
      expect(await ingest(store, [makeEvent({ messageId: 'm1', anon: 'd1', source: 'wk_b' })])).toEqual({
        accepted: 1,
        duplicates: 0,
      })
      expect(await allEvents(store)).toHaveLength(2)
    })

    it('recognises a retry whatever characters its messageIds hold', async () => {
      const store = await stores.open()
      // Quotes, backslashes, escapes, control characters, astral and combining characters,
      // JSON-looking text: the ids travel as JSON inside some stores' lookups.
      const ids = [
        '"quoted"',
        'back\\slash',
        '\\u0041',
        'tab\there',
        'line\nbreak',
        '\u0001',
        '😀-id',
        'e\u0301',
        '["m1"]',
        "it's",
        ' padded ',
      ]
      const batch = ids.map((messageId, i) => makeEvent({ messageId, anon: `d${i}` }))
      expect(await ingest(store, batch)).toEqual({ accepted: ids.length, duplicates: 0 })
      expect(await ingest(store, batch)).toEqual({ accepted: 0, duplicates: ids.length })
      expect((await allEvents(store)).map((event) => event.messageId).sort()).toEqual([...ids].sort())
    })

    it('accepts an empty batch', async () => {
      const store = await stores.open()
      expect(await ingest(store, [])).toEqual({ accepted: 0, duplicates: 0 })
    })

    it('stores a batch of 2,500 events', async () => {
      const store = await stores.open()
      const batch = Array.from({ length: 2500 }, (_, i) =>
        makeEvent({ messageId: `m${i}`, anon: `d${i % 50}`, at: i % 60 }),
      )
      expect(await ingest(store, batch)).toEqual({ accepted: 2500, duplicates: 0 })
      expect(await ingest(store, batch.slice(0, 10))).toEqual({ accepted: 0, duplicates: 10 })
      expect((await store.findContacts({ anonymousId: 'd7' }))[0]?.summaries[0]?.count).toBe(50)
    })
  })
}
