import { describe, expect, it } from 'vitest'
import { encodeChangeCursor } from '../change-cursor.js'
import { allChanges } from './change-feed-contract.test-suite.js'
import { makeEvent } from './event-fixture.test-suite.js'
import { ingest } from './ingest-counts.test-suite.js'
import { type StoreHarness, useStores } from './store-harness.test-suite.js'

/** Where reading the feed on from a cursor would end, known without reading the changes. */
export function describeLastChangeCursorContract(harness: StoreHarness): void {
  describe('last change cursor', () => {
    const stores = useStores(harness)
    const lastAfter = (store: Awaited<ReturnType<typeof stores.open>>, after: string | null) =>
      store.transaction((tx) => tx.lastChangeCursor({ after }))

    it('is where reading every change after the cursor ends', async () => {
      const store = await stores.open()
      expect(await lastAfter(store, null)).toBeNull()
      await ingest(store, [makeEvent({ messageId: 'm1', anon: 'd1', at: 1 })])
      await ingest(store, [makeEvent({ messageId: 'm2', anon: 'd2', at: 2 })])
      const changes = await allChanges(store)
      const end = changes.at(-1)!.cursor
      expect(await lastAfter(store, null)).toBe(end)
      expect(await lastAfter(store, changes[1]!.cursor)).toBe(end)
      expect(await lastAfter(store, end)).toBe(end)
      await ingest(store, [makeEvent({ messageId: 'm3', anon: 'd1', at: 3 })])
      expect(await lastAfter(store, end)).toBe((await allChanges(store, 100, end)).at(-1)!.cursor)
    })

    it('never moves back from a cursor beyond every change', async () => {
      const store = await stores.open()
      await ingest(store, [makeEvent({ messageId: 'm1', anon: 'd1', at: 1 })])
      const beyond = encodeChangeCursor({ xid: '9999999999', seq: 999_999_999 })
      expect(await lastAfter(store, beyond)).toBe(beyond)
    })
  })
}
