import { describe, expect, it } from 'vitest'
import { makeEvent, minute } from './event-fixture.test-suite.js'
import { allEvents, type StoreHarness, useStores } from './store-harness.test-suite.js'
import { ingest } from './ingest-counts.test-suite.js'
import { eraseContact } from '../../contacts/erase-contact.js'

/** Contact lookups and GDPR erasure (docs/api.md). */
export function describeContactContract(harness: StoreHarness): void {
  describe('contacts and deletion', () => {
    const stores = useStores(harness)

    it('describes a contact fully and finds it by each identifier, emails case-insensitively', async () => {
      const store = await stores.open()
      await ingest(store, [
        makeEvent({ messageId: 'm1', anon: 'd1', at: 1 }),
        makeEvent({
          messageId: 'm2',
          anon: 'd1',
          userId: 'u1',
          email: 'ann@example.com',
          type: 'identify',
          traits: { plan: 'pro' },
          at: 2,
        }),
      ])
      const [contact] = await store.findContacts({ email: 'Ann@Example.com' })
      expect(contact).toEqual({
        id: expect.any(String),
        userId: 'u1',
        email: 'ann@example.com',
        anonymousIds: ['d1'],
        attributes: { plan: 'pro' },
        createdAt: minute(1),
        updatedAt: minute(2),
        mergedFrom: [],
        summaries: [
          { name: 'button_clicked', count: 1, first: minute(1), last: minute(1) },
          { name: 'identify', count: 1, first: minute(2), last: minute(2) },
        ],
      })
      expect(await store.findContacts({ userId: 'u1' })).toEqual([contact])
      expect(await store.getContact(contact!.id)).toEqual(contact)
      expect(await store.getContact('no-such-contact')).toBeNull()
      expect(await store.findContacts({ userId: 'u2' })).toEqual([])
    })

    it('erases a contact, its identities, summaries, events and merged ids, and nothing else', async () => {
      const store = await stores.open()
      await ingest(store, [
        makeEvent({ messageId: 'm0', userId: 'u1' }),
        makeEvent({ messageId: 'm1', anon: 'd1' }),
        makeEvent({ messageId: 'other', anon: 'd2' }),
      ])
      const [anonymous] = await store.findContacts({ anonymousId: 'd1' })
      await ingest(store, [makeEvent({ messageId: 'm2', anon: 'd1', userId: 'u1', email: 'ann@example.com' })])
      const [identified] = await store.findContacts({ userId: 'u1' })
      expect(identified!.mergedFrom).toEqual([anonymous!.id])

      expect(await eraseContact(store, { id: anonymous!.id, at: minute(30) })).toBe(true)
      expect(await store.getContact(identified!.id)).toBeNull()
      expect(await store.getContact(anonymous!.id)).toBeNull()
      for (const lookup of [{ userId: 'u1' }, { email: 'ann@example.com' }, { anonymousId: 'd1' }])
        expect(await store.findContacts(lookup)).toEqual([])
      expect(await allEvents(store, identified!.id)).toEqual([])
      expect((await allEvents(store)).map((event) => event.messageId)).toEqual(['other'])
      expect(await eraseContact(store, { id: identified!.id, at: minute(30) })).toBe(false)
    })

    it('does not bring an erased contact back when an old event is retried', async () => {
      const store = await stores.open()
      const event = makeEvent({ messageId: 'm1', anon: 'd1', userId: 'u1' })
      await ingest(store, [event])
      const [contact] = await store.findContacts({ userId: 'u1' })
      await eraseContact(store, { id: contact!.id, at: minute(30) })
      expect(await ingest(store, [event])).toEqual({ accepted: 0, duplicates: 1 })
      expect(await store.findContacts({ userId: 'u1' })).toEqual([])
      await ingest(store, [makeEvent({ messageId: 'm2', anon: 'd1' })])
      const [fresh] = await store.findContacts({ anonymousId: 'd1' })
      expect(fresh).toMatchObject({ userId: null, mergedFrom: [], summaries: [{ count: 1 }] })
      expect(fresh!.id).not.toBe(contact!.id)
    })
  })
}
