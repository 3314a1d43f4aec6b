import { describe, expect, it } from 'vitest'
import { eraseContact } from '../../contacts/erase-contact.js'
import { makeEvent, minute } from './event-fixture.test-suite.js'
import { ingest } from './ingest-counts.test-suite.js'
import { type StoreHarness, useStores } from './store-harness.test-suite.js'

/** `readContacts`: a page of contacts in a transaction, as `getContact` describes each. */
export function describeReadContactsContract(harness: StoreHarness): void {
  describe('readContacts', () => {
    const stores = useStores(harness)

    it('gives each contact once as getContact does, through merges; erased and unknown ids left out', async () => {
      const store = await stores.open()
      await ingest(store, [
        makeEvent({ messageId: 'm1', anon: 'd1', at: 1 }),
        makeEvent({
          messageId: 'm2',
          userId: 'u1',
          email: 'ann@example.com',
          type: 'identify',
          traits: { plan: 'pro' },
        }),
        makeEvent({ messageId: 'm3', anon: 'd3', at: 3 }),
        makeEvent({ messageId: 'm4', anon: 'd4', at: 4 }),
      ])
      const [merged] = await store.findContacts({ anonymousId: 'd1' })
      await ingest(store, [makeEvent({ messageId: 'm5', anon: 'd1', userId: 'u1', at: 5 })])
      const [survivor] = await store.findContacts({ userId: 'u1' })
      const [other] = await store.findContacts({ anonymousId: 'd3' })
      const [erased] = await store.findContacts({ anonymousId: 'd4' })
      await eraseContact(store, { id: erased!.id, at: minute(30) })
      expect(survivor!.mergedFrom).toEqual([merged!.id])

      const ids = [merged!.id, survivor!.id, other!.id, erased!.id, 'no-such-contact', other!.id]
      const contacts = await store.transaction((tx) => tx.readContacts({ ids }))
      const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1)
      expect(contacts.sort(byId)).toEqual([survivor!, other!].sort(byId))
      expect(survivor).toMatchObject({ attributes: { plan: 'pro' }, summaries: expect.any(Array) })
      expect(await store.transaction((tx) => tx.readContacts({ ids: [] }))).toEqual([])
    })

    it('sees the contacts its own transaction wrote', async () => {
      const store = await stores.open()
      const at = minute(1)
      const contacts = await store.transaction(async (tx) => {
        await tx.createContact({ id: 'c_new', at })
        await tx.setAttributes({ contactId: 'c_new', attributes: { tier: 'gold' }, timestamp: at })
        return tx.readContacts({ ids: ['c_new'] })
      })
      expect(contacts).toEqual([
        {
          id: 'c_new',
          userId: null,
          email: null,
          anonymousIds: [],
          attributes: { tier: 'gold' },
          createdAt: at,
          updatedAt: at,
          mergedFrom: [],
          summaries: [],
        },
      ])
    })
  })
}
