import { describe, expect, it } from 'vitest'
import { makeEvent } from './event-fixture.test-suite.js'
import { allEvents, ownerOfEachEvent, type StoreHarness, useStores } from './store-harness.test-suite.js'
import { ingest } from './ingest-counts.test-suite.js'

/** Parallel writers and restarts: what several requests, or several collectors, do at once. */
export function describeDurabilityContract(harness: StoreHarness): void {
  describe('concurrency and restart', () => {
    const stores = useStores(harness)

    it('parallel requests identifying the same device end with one contact', async () => {
      const store = await stores.open()
      await ingest(store, [makeEvent({ messageId: 'before', anon: 'd1' })])
      const requests = Array.from({ length: 25 }, (_, i) =>
        ingest(store, [
          makeEvent({ messageId: `track-${i}`, anon: 'd1', at: i }),
          makeEvent({
            messageId: `identify-${i}`,
            anon: 'd1',
            userId: 'u1',
            email: 'ann@example.com',
            type: 'identify',
            at: i,
          }),
          makeEvent({ messageId: `other-device-${i}`, anon: `d-${i}`, userId: 'u1', at: i }),
        ]),
      )
      const results = await Promise.all(requests)
      expect(results.every((result) => result.accepted === 3 && result.duplicates === 0)).toBe(true)
      const owners = new Set((await ownerOfEachEvent(store)).values())
      expect(owners.size).toBe(1)
      const [contact] = await store.findContacts({ anonymousId: 'd1' })
      expect(contact).toMatchObject({ id: [...owners][0], userId: 'u1', email: 'ann@example.com' })
      expect(contact!.anonymousIds).toHaveLength(26)
    })

    it('parallel retries of one batch store it once', async () => {
      const store = await stores.open()
      const batch = Array.from({ length: 5 }, (_, i) => makeEvent({ messageId: `m${i}`, anon: 'd1', userId: 'u1' }))
      const results = await Promise.all(Array.from({ length: 10 }, () => ingest(store, batch)))
      expect(results.reduce((sum, result) => sum + result.accepted, 0)).toBe(5)
      expect(results.reduce((sum, result) => sum + result.duplicates, 0)).toBe(45)
      expect(await allEvents(store)).toHaveLength(5)
    })

    it('undoes a batch that fails midway, alone: batches committed with it are kept', async () => {
      const store = await stores.open()
      const failing = [
        makeEvent({ messageId: 'bad-1', anon: 'd-bad', userId: 'u-bad' }),
        // A required column left empty: the database refuses the batch midway.
        { ...makeEvent({ messageId: 'bad-2', anon: 'd-bad' }), name: null as unknown as string },
      ]
      const results = await Promise.allSettled([
        ingest(store, [makeEvent({ messageId: 'good-1', anon: 'd1' })]),
        ingest(store, failing),
        ingest(store, [makeEvent({ messageId: 'good-2', anon: 'd1', userId: 'u1' })]),
      ])
      expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
      expect((await allEvents(store)).map((event) => event.messageId).sort()).toEqual(['good-1', 'good-2'])
      expect(await store.findContacts({ userId: 'u-bad' })).toEqual([])
      expect(await store.findContacts({ anonymousId: 'd-bad' })).toEqual([])
      expect(await ingest(store, [makeEvent({ messageId: 'bad-1', anon: 'd-bad' })])).toEqual({
        accepted: 1,
        duplicates: 0,
      })
    })

    // A restart needs a store that keeps its data (`memory:` is removed on close).
    if (harness.reopenStore === undefined) return

    it('keeps events, contacts, merges and dedupe across a restart', async () => {
      const store = await stores.open()
      const events = [
        makeEvent({ messageId: 'm0', userId: 'u1' }),
        makeEvent({ messageId: 'm1', anon: 'd1', at: 1 }),
        makeEvent({ messageId: 'm2', anon: 'd1', userId: 'u1', traits: { plan: 'pro' }, at: 2 }),
      ]
      await ingest(store, events.slice(0, 2))
      const [anonymous] = await store.findContacts({ anonymousId: 'd1' })
      await ingest(store, events.slice(2))
      const before = { events: await allEvents(store), contact: await store.getContact(anonymous!.id) }
      await store.close()

      const reopened = await stores.reopen(store)
      expect(await allEvents(reopened)).toEqual(before.events)
      expect(await reopened.getContact(anonymous!.id)).toEqual(before.contact)
      expect(before.contact).toMatchObject({ userId: 'u1', mergedFrom: [anonymous!.id], attributes: { plan: 'pro' } })
      expect(await ingest(reopened, events)).toEqual({ accepted: 0, duplicates: 3 })
    })
  })
}
