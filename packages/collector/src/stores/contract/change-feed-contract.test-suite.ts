import { describe, expect, it } from 'vitest'
import { eraseContact } from '../../contacts/erase-contact.js'
import type { Change } from '../../events/change.js'
import { waitForChanges } from '../../feed/wait-for-changes.js'
import { InvalidCursorError, type Store } from '../store.js'
import { makeEvent } from './event-fixture.test-suite.js'
import { ingest } from './ingest-counts.test-suite.js'
import { allEvents, type StoreHarness, useStores } from './store-harness.test-suite.js'

/** Every change committed so far, following `nextCursor` with pages of `limit`. */
export async function allChanges(store: Store, limit = 1000, after?: string): Promise<Change[]> {
  const changes: Change[] = []
  let cursor = after
  for (;;) {
    const page = await store.readChanges({ limit, ...(cursor === undefined ? {} : { after: cursor }) })
    expect(page.nextCursor).toBe(page.changes.at(-1)?.cursor ?? cursor ?? null)
    if (page.changes.length === 0) return changes
    changes.push(...page.changes)
    cursor = page.nextCursor!
  }
}

export const messageIdOf = (change: Change) => (change.data as { messageId: string }).messageId

/** The change feed: what each commit changed, in commit order, exactly once. */
export function describeChangeFeedContract(harness: StoreHarness): void {
  describe('change feed', () => {
    const stores = useStores(harness)

    it('records each commit’s changes in order: created, stored, updated, merged', async () => {
      const store = await stores.open()
      await ingest(store, [makeEvent({ messageId: 'm1', anon: 'd1', at: 1 })])
      await ingest(store, [makeEvent({ messageId: 'm2', anon: 'd2', at: 2 })])
      await ingest(store, [
        makeEvent({ messageId: 'm3', anon: 'd1', userId: 'u1', type: 'identify', traits: { plan: 'pro' }, at: 3 }),
      ])
      await ingest(store, [makeEvent({ messageId: 'm4', anon: 'd2', userId: 'u1', at: 4 })])
      const [x] = await store.findContacts({ userId: 'u1' })
      const y = x!.mergedFrom[0]!

      const changes = await allChanges(store)
      expect(changes.map(({ type, contactId }) => [type, contactId])).toEqual([
        ['contact.created', x!.id],
        ['event.stored', x!.id],
        ['contact.created', y],
        ['event.stored', y],
        ['event.stored', x!.id],
        ['contact.updated', x!.id],
        ['contact.merged', x!.id],
        ['event.stored', x!.id],
      ])
      expect(changes[5]!.data).toEqual({ plan: 'pro' })
      expect(changes[6]!.data).toEqual({ from: y, into: x!.id })
      // event.stored carries the event as the event log shows it.
      const m1 = (await allEvents(store)).find((event) => event.messageId === 'm1')
      expect(changes[1]!.data).toEqual(m1)
      expect(changes[1]!.at).toBe(m1!.receivedAt)
      expect(new Set(changes.map((change) => change.cursor)).size).toBe(changes.length)
      // Small pages see the same feed; reading on from any cursor gives the rest.
      expect(await allChanges(store, 1)).toEqual(changes)
      expect(await allChanges(store, 3, changes[2]!.cursor)).toEqual(changes.slice(3))
      // A duplicate changes nothing, so it records nothing.
      await ingest(store, [makeEvent({ messageId: 'm1', anon: 'd1', at: 1 })])
      expect(await allChanges(store, 1000, changes.at(-1)!.cursor)).toEqual([])
    })

    it('records nothing of a batch that was rolled back', async () => {
      const store = await stores.open()
      const failing = [
        makeEvent({ messageId: 'bad-1', anon: 'd-bad', userId: 'u-bad' }),
        { ...makeEvent({ messageId: 'bad-2', anon: 'd-bad' }), name: null as unknown as string },
      ]
      const results = await Promise.allSettled([
        ingest(store, [makeEvent({ messageId: 'good-1', anon: 'd1' })]),
        ingest(store, failing),
        ingest(store, [makeEvent({ messageId: 'good-2', anon: 'd2' })]),
      ])
      expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
      const changes = await allChanges(store)
      expect(
        changes
          .filter((change) => change.type === 'event.stored')
          .map(messageIdOf)
          .sort(),
      ).toEqual(['good-1', 'good-2'])
      expect(changes.filter((change) => change.type === 'contact.created')).toHaveLength(2)
      for (const change of changes) expect(await store.getContact(change.contactId!)).not.toBeNull()
    })

    it('a reader following the feed during parallel writes sees every change once, in the final order', async () => {
      const store = await stores.open()
      const seen: Change[] = []
      let writing = true
      const reader = (async () => {
        let after: string | undefined
        while (writing || (await store.readChanges({ limit: 1, ...(after ? { after } : {}) })).changes.length > 0) {
          const page = await waitForChanges(store, { ...(after ? { after } : {}), limit: 7, waitMs: 200, pollMs: 50 })
          seen.push(...page.changes)
          after = page.nextCursor ?? undefined
        }
      })()
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          ingest(store, [
            makeEvent({ messageId: `a-${i}`, anon: `d${i % 3}`, at: i }),
            makeEvent({ messageId: `b-${i}`, anon: `d${i % 3}`, userId: `u${i % 2}`, at: i }),
          ]),
        ),
      )
      writing = false
      await reader
      const stored = seen.filter((change) => change.type === 'event.stored').map(messageIdOf)
      expect(stored).toHaveLength(40)
      expect(new Set(stored).size).toBe(40)
      expect(seen).toEqual(await allChanges(store))
    })

    it('a long-poll answers within 100 ms of the commit that brings a change', async () => {
      const store = await stores.open()
      await ingest(store, [makeEvent({ messageId: 'before', anon: 'd1' })])
      const { nextCursor } = await store.readChanges({ limit: 1000 })
      // Polling far slower than the bound: only the commit's wake-up can answer in time.
      let answeredAt = 0
      const waiting = waitForChanges(store, { after: nextCursor!, limit: 10, waitMs: 10_000, pollMs: 10_000 }).then(
        (page) => {
          answeredAt = performance.now()
          return page
        },
      )
      await new Promise((resolve) => setImmediate(resolve))
      expect(answeredAt).toBe(0)
      await ingest(store, [makeEvent({ messageId: 'after', anon: 'd1' })])
      const committedAt = performance.now()
      const page = await waiting
      expect(page.changes.map((change) => change.type)).toEqual(['event.stored'])
      expect(answeredAt - committedAt).toBeLessThan(100)
      // wait=0 answers at once, with the cursor given back when nothing came.
      expect(await waitForChanges(store, { after: page.nextCursor!, limit: 10, waitMs: 0 })).toEqual({
        changes: [],
        nextCursor: page.nextCursor,
      })
    })

    it('erasing a contact records contact.erased and removes the personal data of its earlier entries', async () => {
      const store = await stores.open()
      await ingest(store, [
        makeEvent({ messageId: 'm1', anon: 'd1', at: 1 }),
        makeEvent({ messageId: 'm2', anon: 'd2', at: 1 }),
      ])
      await ingest(store, [
        makeEvent({
          messageId: 'm3',
          anon: 'd1',
          email: 'ann@example.com',
          traits: { name: 'Ann' },
          type: 'identify',
          at: 2,
        }),
      ])
      await ingest(store, [makeEvent({ messageId: 'm4', anon: 'd2', email: 'ann@example.com', at: 3 })])
      await ingest(store, [makeEvent({ messageId: 'other', anon: 'd9', at: 4 })])
      const [ann] = await store.findContacts({ email: 'ann@example.com' })
      const before = await allChanges(store)
      expect(await eraseContact(store, { id: ann!.id, at: '2024-05-01T11:00:00.000Z' })).toBe(true)

      const after = await allChanges(store)
      expect(after.at(-1)).toEqual({
        cursor: expect.any(String),
        type: 'contact.erased',
        at: '2024-05-01T11:00:00.000Z',
        contactId: ann!.id,
        data: {},
      })
      const annIds = new Set([ann!.id, ...ann!.mergedFrom])
      expect(ann!.mergedFrom).toHaveLength(1)
      for (const [i, change] of after.slice(0, -1).entries()) {
        expect(change.cursor).toBe(before[i]!.cursor)
        expect(change.data).toEqual(annIds.has(change.contactId!) ? null : before[i]!.data)
      }
      expect(JSON.stringify(after)).not.toContain('ann@example.com')
      expect(after.some((change) => change.type === 'event.stored' && change.data?.messageId === 'other')).toBe(true)
    })

    it('refuses a cursor it did not make', async () => {
      const store = await stores.open()
      await expect(store.readChanges({ limit: 10, after: 'not-a-cursor' })).rejects.toBeInstanceOf(InvalidCursorError)
    })
  })
}
