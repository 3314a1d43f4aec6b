import { describe, expect, it } from 'vitest'
import { makeEvent } from './event-fixture.test-suite.js'
import { ingest } from './ingest-counts.test-suite.js'
import { allChanges } from './change-feed-contract.test-suite.js'
import { type StoreHarness, useStores } from './store-harness.test-suite.js'

/** Where a live reader of the change feed starts: after everything committed so far. */
export function describeLatestChangeCursorContract(harness: StoreHarness): void {
  describe('latest change cursor', () => {
    const stores = useStores(harness)

    it('on an empty feed, reads on to every change that commits later', async () => {
      const store = await stores.open()
      const latest = (await store.latestChangeCursor()) ?? undefined
      expect(await allChanges(store, 100, latest)).toEqual([])
      await ingest(store, [makeEvent({ messageId: 'first', anon: 'd1', at: 1 })])
      const later = await allChanges(store, 100, latest)
      expect(later.map((change) => change.type)).toEqual(['contact.created', 'event.stored'])
    })

    it('skips what committed before and reads exactly what commits after', async () => {
      const store = await stores.open()
      await ingest(store, [makeEvent({ messageId: 'old-1', anon: 'd1', at: 1 })])
      await ingest(store, [makeEvent({ messageId: 'old-2', anon: 'd2', at: 2 })])
      const latest = await store.latestChangeCursor()
      expect(latest).not.toBeNull()
      expect(await allChanges(store, 100, latest!)).toEqual([])

      await ingest(store, [makeEvent({ messageId: 'new-1', anon: 'd1', at: 3 })])
      const later = await allChanges(store, 100, latest!)
      expect(later.map((change) => [change.type, (change.data as { messageId?: string }).messageId])).toEqual([
        ['event.stored', 'new-1'],
      ])
      // The whole feed holds the old changes too, before the new one.
      const everything = await allChanges(store)
      expect(everything.at(-1)).toEqual(later[0])
      expect(everything.length).toBeGreaterThan(later.length)
    })
  })
}
