import { describe, expect, it } from 'vitest'
import { eraseContact } from '../../contacts/erase-contact.js'
import { makeEvent, minute } from './event-fixture.test-suite.js'
import { ingest } from './ingest-counts.test-suite.js'
import { allChanges } from './change-feed-contract.test-suite.js'
import { type StoreHarness, useStores } from './store-harness.test-suite.js'

/** A contact's latest feed entries, for its page in the console. */
export function describeRecentContactChangesContract(harness: StoreHarness): void {
  describe('recent contact changes', () => {
    const stores = useStores(harness)

    it('gives a contact’s entries newest first, those of the contacts merged into it included', async () => {
      const store = await stores.open()
      await ingest(store, [makeEvent({ messageId: 'laptop-1', anon: 'laptop', at: 1 })])
      await ingest(store, [makeEvent({ messageId: 'other-1', anon: 'other', at: 2 })])
      await ingest(store, [makeEvent({ messageId: 'phone-1', anon: 'phone', at: 3 })])
      const traits = { plan: 'pro' }
      const identify = makeEvent({ messageId: 'id-1', anon: 'laptop', userId: 'u1', type: 'identify', traits, at: 4 })
      await ingest(store, [identify])
      await ingest(store, [makeEvent({ messageId: 'phone-2', anon: 'phone', userId: 'u1', at: 5 })])
      const [contact] = await store.findContacts({ userId: 'u1' })
      const ids = [contact!.id, ...contact!.mergedFrom]

      const everything = await allChanges(store)
      const isTheirs = (contactId: string | null) => contactId !== null && ids.includes(contactId)
      const theirs = everything.filter((change) => isTheirs(change.contactId)).reverse()
      expect(theirs.length).toBeGreaterThan(5)
      expect(await store.recentContactChanges({ contactIds: ids, limit: 100 })).toEqual(theirs)
      expect(await store.recentContactChanges({ contactIds: ids, limit: 2 })).toEqual(theirs.slice(0, 2))
      expect(theirs[0]!.type).toBe('event.stored')
      expect(theirs.map((change) => change.type)).toContain('contact.merged')
      // Only its own id: the merged-away contact's early entries are left out.
      const own = await store.recentContactChanges({ contactIds: [contact!.id], limit: 100 })
      expect(own.length).toBeLessThan(theirs.length)
      expect(await store.recentContactChanges({ contactIds: [], limit: 10 })).toEqual([])
    })

    it('keeps an erased contact’s entries without their personal data', async () => {
      const store = await stores.open()
      await ingest(store, [makeEvent({ messageId: 'e1', anon: 'gone', at: 1 })])
      const [gone] = await store.findContacts({ anonymousId: 'gone' })
      expect(await eraseContact(store, { id: gone!.id, at: minute(2) })).toBe(true)
      const changes = await store.recentContactChanges({ contactIds: [gone!.id], limit: 10 })
      expect(changes[0]!.type).toBe('contact.erased')
      expect(changes.every((change) => change.data === null || change.type === 'contact.erased')).toBe(true)
    })
  })
}
