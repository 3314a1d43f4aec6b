import { describe, expect, it } from 'vitest'
import type { ContactListItem } from '../../contacts/contact-list.js'
import { eraseContact } from '../../contacts/erase-contact.js'
import { InvalidCursorError, type Store } from '../store.js'
import { makeEvent, minute } from './event-fixture.test-suite.js'
import { ingest } from './ingest-counts.test-suite.js'
import { type StoreHarness, useStores } from './store-harness.test-suite.js'

/** Every contact of the list, following `nextCursor` with pages of `limit`. */
async function wholeList(store: Store, limit: number): Promise<ContactListItem[]> {
  const contacts: ContactListItem[] = []
  let cursor: string | undefined
  do {
    const page = await store.listContacts({ limit, ...(cursor === undefined ? {} : { cursor }) })
    expect(page.contacts.length).toBeLessThanOrEqual(limit)
    contacts.push(...page.contacts)
    cursor = page.nextCursor ?? undefined
  } while (cursor !== undefined)
  return contacts
}

/** The contacts list (`GET /v1/contacts` without a lookup, the console's Contacts page) and its counts. */
export function describeContactListContract(harness: StoreHarness): void {
  describe('contacts list', () => {
    const stores = useStores(harness)

    it('is empty on an empty store', async () => {
      const store = await stores.open()
      expect(await store.listContacts({ limit: 10 })).toEqual({ contacts: [], nextCursor: null })
      expect(await store.countContacts()).toEqual({ identified: 0, anonymous: 0 })
    })

    it('lists contacts newest activity first, with their events count and last seen, page by page', async () => {
      const store = await stores.open()
      await ingest(store, [
        makeEvent({ messageId: 'a1', anon: 'dev-a', at: 1, name: 'page_viewed' }),
        makeEvent({ messageId: 'a2', anon: 'dev-a', at: 2, name: 'signed_up' }),
        makeEvent({ messageId: 'a3', anon: 'dev-a', at: 2, name: 'signed_up' }),
        makeEvent({ messageId: 'b1', anon: 'dev-b', userId: 'u_b', email: 'b@example.com', at: 5 }),
        makeEvent({ messageId: 'c1', anon: 'dev-c', at: 3 }),
      ])
      expect(await store.countContacts()).toEqual({ identified: 1, anonymous: 2 })
      const first = await store.listContacts({ limit: 2 })
      expect(first.contacts.map((contact) => contact.anonymousId)).toEqual(['dev-b', 'dev-c'])
      const b = { userId: 'u_b', email: 'b@example.com', eventCount: 1, lastSeen: minute(5) }
      expect(first.contacts[0]).toMatchObject(b)
      expect(first.nextCursor).not.toBeNull()
      const rest = await store.listContacts({ limit: 2, cursor: first.nextCursor! })
      expect(rest.nextCursor).toBeNull()
      expect(rest.contacts).toHaveLength(1)
      const a = rest.contacts[0]!
      const detail = await store.getContact(a.id)
      expect(a).toEqual({
        id: detail!.id,
        userId: null,
        email: null,
        anonymousId: 'dev-a',
        createdAt: detail!.createdAt,
        updatedAt: detail!.updatedAt,
        eventCount: 3,
        lastSeen: minute(2),
      })
    })

    it('pages through ties on the same last event once each, and moves a contact up when it acts again', async () => {
      const store = await stores.open()
      const devices = Array.from({ length: 7 }, (_, index) => `tie-${index}`)
      await ingest(
        store,
        devices.map((anon, index) => makeEvent({ messageId: `t${index}`, anon, at: 4 })),
      )
      const listed = await wholeList(store, 2)
      expect(listed.map((contact) => contact.anonymousId).sort()).toEqual(devices)
      expect(await wholeList(store, 1000)).toEqual(listed)

      await ingest(store, [makeEvent({ messageId: 'later', anon: 'tie-3', at: 9 })])
      const [top] = (await store.listContacts({ limit: 1 })).contacts
      expect(top).toMatchObject({ anonymousId: 'tie-3', eventCount: 2, lastSeen: minute(9) })
    })

    it('leaves out contacts merged away or erased', async () => {
      const store = await stores.open()
      await ingest(store, [
        makeEvent({ messageId: 'm1', anon: 'laptop', at: 1 }),
        makeEvent({ messageId: 'm2', anon: 'phone', at: 2 }),
        makeEvent({ messageId: 'm3', anon: 'gone', at: 3 }),
      ])
      await ingest(store, [makeEvent({ messageId: 'm4', anon: 'laptop', userId: 'u_1', type: 'identify', at: 4 })])
      await ingest(store, [makeEvent({ messageId: 'm5', anon: 'phone', userId: 'u_1', at: 5 })])
      const [gone] = await store.findContacts({ anonymousId: 'gone' })
      expect(await eraseContact(store, { id: gone!.id, at: minute(6) })).toBe(true)

      const { contacts } = await store.listContacts({ limit: 10 })
      expect(contacts).toHaveLength(1)
      expect(await store.countContacts()).toEqual({ identified: 1, anonymous: 0 })
      expect(contacts[0]).toMatchObject({ userId: 'u_1', anonymousId: 'laptop', eventCount: 4, lastSeen: minute(5) })
    })

    it('keeps the order right when an older event arrives late and when a merge brings newer events', async () => {
      const store = await stores.open()
      await ingest(store, [
        makeEvent({ messageId: 'l1', anon: 'laptop', userId: 'u_1', at: 4 }),
        makeEvent({ messageId: 'p1', anon: 'phone', at: 9 }),
        makeEvent({ messageId: 'o1', anon: 'other', at: 6 }),
      ])
      await ingest(store, [makeEvent({ messageId: 'o0', anon: 'other', at: 1 })])
      const order = async () =>
        (await wholeList(store, 1)).map(({ anonymousId, lastSeen, eventCount }) => [anonymousId, lastSeen, eventCount])
      expect(await order()).toEqual([
        ['phone', minute(9), 1],
        ['other', minute(6), 2],
        ['laptop', minute(4), 1],
      ])
      // The phone's identify is older than anything, yet the survivor takes the phone's minute 9.
      await ingest(store, [makeEvent({ messageId: 'p0', anon: 'phone', userId: 'u_1', type: 'identify', at: 0 })])
      expect(await order()).toEqual([
        ['laptop', minute(9), 3],
        ['other', minute(6), 2],
      ])
    })

    it('places a contact without events by its creation, among the others by their last event', async () => {
      const store = await stores.open()
      await ingest(store, [makeEvent({ messageId: 'e1', anon: 'early', at: 1 })])
      const [early] = await store.findContacts({ anonymousId: 'early' })
      // The fixture's events are from 2024; this contact is created now, with no event of its own.
      await store.transaction(async (tx) => tx.createContact({ id: 'c_without_events', at: minute(3) }))
      await ingest(store, [makeEvent({ messageId: 'e2', anon: 'late', at: 5 })])
      const listed = await wholeList(store, 2)
      expect(listed.map(({ id, lastSeen }) => [id, lastSeen])).toEqual([
        [expect.any(String), minute(5)],
        ['c_without_events', null],
        [early!.id, minute(1)],
      ])
    })

    it('refuses a cursor it did not make', async () => {
      const store = await stores.open()
      await expect(store.listContacts({ limit: 10, cursor: 'not-a-cursor' })).rejects.toBeInstanceOf(InvalidCursorError)
      const foreign = Buffer.from(JSON.stringify(['yesterday', 1])).toString('base64url')
      await expect(store.listContacts({ limit: 10, cursor: foreign })).rejects.toBeInstanceOf(InvalidCursorError)
    })
  })
}
