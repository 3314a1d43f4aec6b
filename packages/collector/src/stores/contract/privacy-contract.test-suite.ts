import { describe, expect, it } from 'vitest'
import { allChanges } from './change-feed-contract.test-suite.js'
import { makeEvent, minute } from './event-fixture.test-suite.js'
import { ingest } from './ingest-counts.test-suite.js'
import { allEvents, type StoreHarness, useStores } from './store-harness.test-suite.js'

/** Cookieless salts, retention and the contact history an export reads. */
export function describePrivacyContract(harness: StoreHarness): void {
  describe('privacy operations', () => {
    const stores = useStores(harness)

    it('dailySalt keeps the first salt of a day and deletes the earlier days’', async () => {
      const store = await stores.open()
      const salt = (day: string, candidate: string) => store.transaction((tx) => tx.dailySalt({ day, candidate }))
      expect(await salt('2024-05-01', 'first')).toBe('first')
      expect(await salt('2024-05-01', 'second')).toBe('first')
      expect(await salt('2024-05-02', 'next-day')).toBe('next-day')
      // The day before is gone: asked again, it takes the new candidate instead of 'first'.
      expect(await salt('2024-05-01', 'again')).toBe('again')
      expect(await salt('2024-05-02', 'late')).toBe('next-day')
    })

    if (harness.reopenStore !== undefined) {
      it('two stores on one database racing for a new day’s salt both get the same one', async () => {
        const first = await stores.open()
        const second = await stores.reopen(first)
        const salts = await Promise.all(
          ['a', 'b', 'c', 'd'].map((candidate, i) =>
            (i % 2 === 0 ? first : second).transaction((tx) => tx.dailySalt({ day: '2024-05-03', candidate })),
          ),
        )
        expect(new Set(salts).size).toBe(1)
      })
    }

    it('deleteEventsBefore deletes the oldest events past the cut-off, a batch at a time; summaries stay', async () => {
      const store = await stores.open()
      await ingest(
        store,
        [0, 1, 2, 3, 4, 5].map((at) => makeEvent({ messageId: `m${at}`, anon: 'd1', at })),
      )
      const before = await store.findContacts({ anonymousId: 'd1' })
      const deleteBatch = () => store.transaction((tx) => tx.deleteEventsBefore({ before: minute(4), limit: 3 }))
      expect(await deleteBatch()).toBe(3)
      expect(await deleteBatch()).toBe(1)
      expect(await deleteBatch()).toBe(0)
      expect((await allEvents(store)).map((event) => event.messageId)).toEqual(['m5', 'm4'])
      expect(await store.findContacts({ anonymousId: 'd1' })).toEqual(before)
      expect(before[0]!.summaries).toEqual([{ name: 'button_clicked', count: 6, first: minute(0), last: minute(5) }])
    })

    it('forgetChangesBefore drops the event of older event.stored entries and keeps the entries', async () => {
      const store = await stores.open()
      await ingest(store, [makeEvent({ messageId: 'old', anon: 'd1', at: 1 })])
      await ingest(store, [makeEvent({ messageId: 'new', anon: 'd1', at: 3 })])
      const before = await allChanges(store)
      expect(await store.transaction((tx) => tx.forgetChangesBefore({ before: minute(2), limit: 10 }))).toBe(1)
      const after = await allChanges(store)
      expect(after.map((change) => change.cursor)).toEqual(before.map((change) => change.cursor))
      expect(after.map((change) => [change.type, change.data === null])).toEqual([
        ['contact.created', false],
        ['event.stored', true],
        ['event.stored', false],
      ])
      expect(await store.transaction((tx) => tx.forgetChangesBefore({ before: minute(2), limit: 10 }))).toBe(0)
    })

    it('readContactHistory gives the merges and feed entries of a contact and of those merged into it', async () => {
      const store = await stores.open()
      await ingest(store, [makeEvent({ messageId: 'm1', anon: 'd1', userId: 'u1', at: 1 })])
      await ingest(store, [makeEvent({ messageId: 'm2', anon: 'd2', at: 2 })])
      await ingest(store, [makeEvent({ messageId: 'm3', anon: 'd2', userId: 'u1', at: 3 })])
      await ingest(store, [makeEvent({ messageId: 'other', anon: 'd9', at: 4 })])
      const [contact] = await store.findContacts({ userId: 'u1' })
      const history = await store.transaction((tx) => tx.readContactHistory({ contactId: contact!.id }))
      expect(history.merges).toEqual([{ mergedId: contact!.mergedFrom[0], mergedAt: expect.any(String) }])
      const theirs = new Set([contact!.id, ...contact!.mergedFrom])
      expect(history.changes).toEqual((await allChanges(store)).filter((change) => theirs.has(change.contactId!)))
      expect(history.changes.map((change) => change.type)).toEqual([
        'contact.created',
        'event.stored',
        'contact.created',
        'event.stored',
        'contact.merged',
        'event.stored',
      ])
    })
  })
}
