import { describe, expect, it } from 'vitest'
import { InvalidCursorError, type Store } from '../store.js'
import { makeEvent, minute } from './event-fixture.test-suite.js'
import { type StoreHarness, useStores } from './store-harness.test-suite.js'
import { ingest } from './ingest-counts.test-suite.js'

const ids = (page: { events: { messageId: string }[] }) => page.events.map((event) => event.messageId)

/** The event log of `GET /v1/events`: newest first, filters, keyset pagination. */
export function describeQueryContract(harness: StoreHarness): void {
  describe('event queries', () => {
    const stores = useStores(harness)

    async function seeded(): Promise<Store> {
      const store = await stores.open()
      await ingest(store, [
        makeEvent({ messageId: 'a', anon: 'd1', name: 'viewed', at: 1 }),
        makeEvent({ messageId: 'b', anon: 'd1', name: 'clicked', at: 3 }),
        makeEvent({ messageId: 'c', anon: 'd2', type: 'page', name: 'page_visited', at: 2 }),
        makeEvent({ messageId: 'd', anon: 'd2', name: 'viewed', at: 3 }),
        makeEvent({ messageId: 'e', anon: 'd1', name: 'viewed', at: 5 }),
      ])
      return store
    }

    it('lists newest first by timestamp, then by insertion order', async () => {
      const store = await seeded()
      expect(ids(await store.listEvents({ limit: 10 }))).toEqual(['e', 'd', 'b', 'c', 'a'])
    })

    it('filters by name, type, contact and time (since inclusive, until exclusive)', async () => {
      const store = await seeded()
      const [d1] = await store.findContacts({ anonymousId: 'd1' })
      expect(ids(await store.listEvents({ limit: 10, name: 'viewed' }))).toEqual(['e', 'd', 'a'])
      expect(ids(await store.listEvents({ limit: 10, type: 'page' }))).toEqual(['c'])
      expect(ids(await store.listEvents({ limit: 10, contactId: d1!.id }))).toEqual(['e', 'b', 'a'])
      expect(ids(await store.listEvents({ limit: 10, since: minute(2), until: minute(5) }))).toEqual(['d', 'b', 'c'])
      expect(ids(await store.listEvents({ limit: 10, since: '2024-05-01T12:03:00+02:00' }))).toEqual(['e', 'd', 'b'])
      expect(ids(await store.listEvents({ limit: 10, contactId: d1!.id, name: 'viewed', since: minute(2) }))).toEqual([
        'e',
      ])
      expect(ids(await store.listEvents({ limit: 10, contactId: 'no-such-contact' }))).toEqual([])
    })

    it('pages with an opaque cursor until nextCursor is null', async () => {
      const store = await seeded()
      const first = await store.listEvents({ limit: 2 })
      const second = await store.listEvents({ limit: 2, cursor: first.nextCursor! })
      const third = await store.listEvents({ limit: 2, cursor: second.nextCursor! })
      expect([ids(first), ids(second), ids(third)]).toEqual([['e', 'd'], ['b', 'c'], ['a']])
      expect(third.nextCursor).toBeNull()
      expect((await store.listEvents({ limit: 5 })).nextCursor).toBeNull()
      const filtered = await store.listEvents({ limit: 1, name: 'viewed' })
      expect(ids(await store.listEvents({ limit: 5, name: 'viewed', cursor: filtered.nextCursor! }))).toEqual([
        'd',
        'a',
      ])
    })

    it('pages a time range one event at a time, through events sharing a timestamp', async () => {
      const store = await seeded()
      const seen: string[][] = []
      let cursor: string | undefined
      do {
        const page = await store.listEvents({ limit: 1, since: minute(2), until: minute(9), cursor })
        seen.push(ids(page))
        cursor = page.nextCursor ?? undefined
      } while (cursor)
      expect(seen).toEqual([['e'], ['d'], ['b'], ['c']])
    })

    it('keeps pages stable while new events arrive', async () => {
      const store = await seeded()
      const first = await store.listEvents({ limit: 2 })
      await ingest(store, [
        makeEvent({ messageId: 'newer', anon: 'd3', at: 9 }),
        makeEvent({ messageId: 'same-time', anon: 'd3', at: 3 }),
      ])
      const rest = await store.listEvents({ limit: 10, cursor: first.nextCursor! })
      expect(ids(rest)).toEqual(['b', 'c', 'a'])
      expect(ids(await store.listEvents({ limit: 3 }))).toEqual(['newer', 'e', 'same-time'])
    })

    it('refuses a cursor it did not make', async () => {
      const store = await seeded()
      await expect(store.listEvents({ limit: 2, cursor: 'not-a-cursor' })).rejects.toBeInstanceOf(InvalidCursorError)
    })
  })
}
