import { describe, expect, it } from 'vitest'
import { ingestEvents } from '../../ingest/ingest-events.js'
import { SegmentComputer } from '../../segments/upkeep/segment-computer.js'
import { withSizes } from '../../segments/with-sizes.js'
import type { SegmentCondition } from '@sillage/protocol'
import { conditionNames } from '../../segments/condition-names.js'
import { nextChangeAt } from '../../segments/next-change-at.js'
import type { NextChange, StoredSegment } from '../../segments/stored-segment.js'
import type { Store } from '../store.js'
import { makeEvent, minute } from './event-fixture.test-suite.js'
import { type StoreHarness, useStores } from './store-harness.test-suite.js'

const segment = (id: string, overrides: Partial<StoredSegment> = {}): StoredSegment => ({
  id,
  name: `Segment ${id}`,
  description: '',
  match: { event: 'order_completed' },
  status: 'computing',
  progress: 0,
  computeAfter: null,
  computedAt: null,
  createdAt: minute(0),
  updatedAt: minute(0),
  ...overrides,
})

async function contactsWithOrders(store: Store, users: string[]): Promise<string[]> {
  await ingestEvents(
    store,
    users.map((userId, index) => makeEvent({ messageId: `o${index}`, userId, name: 'order_completed', at: index })),
  )
  const ids = await Promise.all(users.map(async (userId) => (await store.findContacts({ userId }))[0]!.id))
  return ids
}

/** The segment operations every store implements: definitions, memberships, due checks, matching. */
export function describeSegmentStoreContract(harness: StoreHarness): void {
  describe('segment operations', () => {
    const stores = useStores(harness)

    it('saves, replaces, reads and deletes definitions with their memberships and checks', async () => {
      const store = await stores.open()
      const [ann] = await contactsWithOrders(store, ['ann'])
      await store.transaction(async (tx) => {
        await tx.saveSegment({ segment: segment('s1') })
        await tx.saveSegment({ segment: segment('s2', { createdAt: minute(1) }) })
        await tx.saveSegment({
          segment: segment('s1', {
            name: 'Renamed',
            status: 'ready',
            progress: 1,
            computedAt: minute(2),
            updatedAt: minute(2),
          }),
        })
        expect(await tx.setMembership({ segmentId: 's1', contactId: ann!, member: true, at: minute(3) })).toBe(true)
        expect(await tx.setMembership({ segmentId: 's1', contactId: ann!, member: true, at: minute(4) })).toBe(false)
        await tx.scheduleSegmentCheck({ segmentId: 's1', contactId: ann!, dueAt: minute(9) })
      })
      const [s1, s2] = await store.transaction(async (tx) => withSizes(tx, await tx.readSegments({})))
      expect(s1).toEqual({
        ...segment('s1', {
          name: 'Renamed',
          status: 'ready',
          progress: 1,
          computedAt: minute(2),
          updatedAt: minute(2),
        }),
        size: 1,
      })
      expect(s2).toMatchObject({ id: 's2', size: 0 })
      expect(await store.transaction((tx) => tx.readMemberships({ contactIds: [ann!] }))).toEqual([
        { segmentId: 's1', contactId: ann, enteredAt: minute(3) },
      ])
      expect(await store.transaction((tx) => tx.deleteSegment({ id: 's1' }))).toBe(true)
      expect(await store.transaction((tx) => tx.deleteSegment({ id: 's1' }))).toBe(false)
      expect(await store.transaction((tx) => tx.readMemberships({ contactIds: [ann!] }))).toEqual([])
      expect(await store.transaction((tx) => tx.readSegmentChecks({ limit: 10 }))).toEqual([])
    })

    it('pages members in id order and leaves out contacts that are gone', async () => {
      const store = await stores.open()
      const ids = await contactsWithOrders(store, ['ann', 'bob', 'cyd'])
      await store.transaction(async (tx) => {
        await tx.saveSegment({ segment: segment('s1') })
        for (const id of ids) await tx.setMembership({ segmentId: 's1', contactId: id, member: true, at: minute(5) })
        await tx.setMembership({ segmentId: 's1', contactId: 'gone', member: true, at: minute(5) })
      })
      const sorted = [...ids].sort()
      const first = await store.transaction((tx) => tx.readSegmentMembers({ segmentId: 's1', limit: 2 }))
      expect(first.map((member) => member.id)).toEqual(sorted.slice(0, 2))
      const rest = await store.transaction((tx) =>
        tx.readSegmentMembers({ segmentId: 's1', after: first[1]!.id, limit: 2 }),
      )
      expect(rest).toEqual([{ id: sorted[2], email: null, userId: expect.any(String), enteredAt: minute(5) }])
      expect((await store.transaction(async (tx) => withSizes(tx, await tx.readSegments({ id: 's1' }))))[0]!.size).toBe(
        3,
      )
      expect(
        await store.transaction((tx) =>
          tx.setMembership({ segmentId: 's1', contactId: ids[0]!, member: false, at: minute(6) }),
        ),
      ).toBe(true)
      expect((await store.transaction(async (tx) => withSizes(tx, await tx.readSegments({ id: 's1' }))))[0]!.size).toBe(
        2,
      )
    })

    it('keeps one check per pair and reads the due ones earliest first', async () => {
      const store = await stores.open()
      await store.transaction(async (tx) => {
        await tx.scheduleSegmentCheck({ segmentId: 's1', contactId: 'a', dueAt: minute(30) })
        await tx.scheduleSegmentCheck({ segmentId: 's1', contactId: 'a', dueAt: minute(10) })
        await tx.scheduleSegmentCheck({ segmentId: 's1', contactId: 'b', dueAt: minute(20) })
        await tx.scheduleSegmentCheck({ segmentId: 's2', contactId: 'c', dueAt: minute(5) })
        await tx.scheduleSegmentCheck({ segmentId: 's2', contactId: 'c', dueAt: null })
      })
      expect(await store.transaction((tx) => tx.readSegmentChecks({ limit: 1 }))).toEqual([
        { segmentId: 's1', contactId: 'a', dueAt: minute(10) },
      ])
      expect(await store.transaction((tx) => tx.readSegmentChecks({ dueBy: minute(20), limit: 10 }))).toEqual([
        { segmentId: 's1', contactId: 'a', dueAt: minute(10) },
        { segmentId: 's1', contactId: 'b', dueAt: minute(20) },
      ])
    })

    it('writes many memberships and checks at once, the last write of a pair standing', async () => {
      const store = await stores.open()
      const [ann, bob, cyd] = await contactsWithOrders(store, ['ann', 'bob', 'cyd'])
      await store.transaction((tx) =>
        tx.setMembership({ segmentId: 's1', contactId: cyd!, member: true, at: minute(1) }),
      )
      await store.transaction(async (tx) => {
        await tx.setMemberships({
          memberships: [
            { segmentId: 's1', contactId: ann!, member: true, at: minute(2) },
            { segmentId: 's2', contactId: ann!, member: true, at: minute(2) },
            { segmentId: 's1', contactId: bob!, member: true, at: minute(2) },
            { segmentId: 's1', contactId: bob!, member: false, at: minute(3) },
            { segmentId: 's1', contactId: cyd!, member: true, at: minute(4) },
            { segmentId: 's2', contactId: cyd!, member: false, at: minute(4) },
          ],
        })
        await tx.scheduleSegmentChecks({
          checks: [
            { segmentId: 's1', contactId: ann!, dueAt: minute(30) },
            { segmentId: 's1', contactId: ann!, dueAt: minute(10) },
            { segmentId: 's2', contactId: bob!, dueAt: minute(20) },
            { segmentId: 's2', contactId: cyd!, dueAt: minute(5) },
          ],
        })
      })
      await store.transaction((tx) =>
        tx.scheduleSegmentChecks({
          checks: [
            { segmentId: 's2', contactId: cyd!, dueAt: null },
            { segmentId: 's2', contactId: bob!, dueAt: minute(15) },
          ],
        }),
      )
      const memberships = await store.transaction((tx) => tx.readMemberships({ contactIds: [ann!, bob!, cyd!] }))
      expect(memberships).toEqual(
        [
          { segmentId: 's1', contactId: ann, enteredAt: minute(2) },
          { segmentId: 's1', contactId: cyd, enteredAt: minute(1) },
          { segmentId: 's2', contactId: ann, enteredAt: minute(2) },
        ].sort((a, b) => (`${a.segmentId} ${a.contactId}` < `${b.segmentId} ${b.contactId}` ? -1 : 1)),
      )
      expect(await store.transaction((tx) => tx.readSegmentChecks({ limit: 10 }))).toEqual([
        { segmentId: 's1', contactId: ann, dueAt: minute(10) },
        { segmentId: 's2', contactId: bob, dueAt: minute(15) },
      ])
    })

    it('matches in the database: listed contacts, pages in id order, everyone', async () => {
      const store = await stores.open()
      const ids = await contactsWithOrders(store, ['ann', 'bob', 'ann'])
      const sorted = [...new Set(ids)].sort()
      const match = { event: 'order_completed', count: { gte: 2 } } as const
      const args = { match, matchOf: () => undefined, now: new Date(minute(10)) }
      const ann = ids[0]!
      expect(await store.transaction((tx) => tx.matchSegment({ ...args, scope: { all: true } }))).toMatchObject({
        members: [ann],
      })
      expect(
        await store.transaction((tx) => tx.matchSegment({ ...args, scope: { contactIds: [ids[1]!] } })),
      ).toMatchObject({ members: [] })
      const page = await store.transaction((tx) => tx.matchSegment({ ...args, scope: { after: null, limit: 1 } }))
      expect(page).toEqual({ members: sorted[0] === ann ? [ann] : [], scanned: [sorted[0]], remaining: 1 })
      const last = await store.transaction((tx) => tx.matchSegment({ ...args, scope: { after: sorted[0]!, limit: 5 } }))
      expect(last).toEqual({ members: sorted[1] === ann ? [ann] : [], scanned: [sorted[1]], remaining: 0 })
      const input = await store.transaction((tx) => tx.readMembershipInput({ contactId: ann }))
      expect(input?.events.map((event) => event.id)).toEqual(['o0', 'o2'])
      expect(input?.contact).toEqual({ id: ann, email: null, userId: 'ann', attributes: {} })
      expect(input?.summaries).toEqual([{ name: 'order_completed', count: 2, first: minute(0), last: minute(2) }])
      const inputs = await store.transaction((tx) =>
        tx.readMembershipInputs({ contactIds: [...sorted, 'c_missing'], names: ['order_completed'] }),
      )
      const one = (contactId: string) => store.transaction((tx) => tx.readMembershipInput({ contactId }))
      expect(inputs.sort((x, y) => x.contact.id.localeCompare(y.contact.id))).toEqual(
        await Promise.all(sorted.map(async (id) => (await one(id))!)),
      )
      expect(
        await store.transaction((tx) => tx.readMembershipInputs({ contactIds: [ann], names: ['page_viewed'] })),
      ).toEqual([{ contact: input!.contact, events: [], summaries: [] }])
    })

    it('compares counts in the database exactly, however many more events a contact has', async () => {
      const store = await stores.open()
      const views = { ann: 5, bob: 4, cyd: 6, dan: 2 }
      await ingestEvents(
        store,
        Object.entries(views).flatMap(([userId, count]) =>
          Array.from({ length: count }, (_, n) =>
            makeEvent({ messageId: `${userId}-${n}`, userId, name: 'page_viewed', at: n }),
          ),
        ),
      )
      const idOf = async (userId: string) => (await store.findContacts({ userId }))[0]!.id
      const members = async (count: Record<string, number>) => {
        const match = { event: 'page_viewed', count, within: '1h' } as SegmentCondition
        const { members } = await store.transaction((tx) =>
          tx.matchSegment({ match, matchOf: () => undefined, now: new Date(minute(10)), scope: { all: true } }),
        )
        const names = await Promise.all(Object.keys(views).map(async (userId) => [await idOf(userId), userId]))
        return members.map((id) => Object.fromEntries(names)[id]).sort()
      }
      expect(await members({ gt: 4 })).toEqual(['ann', 'cyd'])
      expect(await members({ gte: 5 })).toEqual(['ann', 'cyd'])
      expect(await members({ eq: 4 })).toEqual(['bob'])
      expect(await members({ neq: 4 })).toEqual(['ann', 'cyd', 'dan'])
      expect(await members({ lt: 5 })).toEqual(['bob', 'dan'])
      expect(await members({ lte: 5 })).toEqual(['ann', 'bob', 'dan'])
    })

    it('tells in the database when each contact can next change with time alone, as the reference does', async () => {
      const store = await stores.open()
      const [ann, bob] = await contactsWithOrders(store, ['ann', 'bob', 'ann'])
      // Bob's next order is stamped ahead of the clock: it comes into view before his window slides.
      await ingestEvents(store, [makeEvent({ messageId: 'o3', userId: 'bob', name: 'order_completed', at: 20 })])
      const now = new Date(minute(10))
      const next = (match: SegmentCondition, contactIds: string[]) =>
        store.transaction(async (tx) =>
          (await tx.nextSegmentChanges({ match, contactIds, now })).sort((x, y) =>
            x.contactId.localeCompare(y.contactId),
          ),
        )
      const reference = async (match: SegmentCondition) => {
        const inputs = await store.transaction((tx) =>
          tx.readMembershipInputs({ contactIds: [ann!, bob!], names: [...conditionNames(match).events] }),
        )
        return inputs
          .map((input) => ({
            contactId: input.contact.id,
            dueAt: nextChangeAt(match, { ...input, now })?.toISOString() ?? null,
          }))
          .sort((x, y) => x.contactId.localeCompare(y.contactId))
      }
      const twiceInAnHour: SegmentCondition = { event: 'order_completed', count: { gte: 2 }, within: '1h' }
      const byContact = (changes: NextChange[]) =>
        Object.fromEntries(changes.map((change) => [change.contactId, change.dueAt]))
      expect(byContact(await next(twiceInAnHour, [ann!, bob!, 'c_missing']))).toEqual({
        [ann!]: minute(60),
        [bob!]: minute(20),
      })
      const lastOrderOverAnHourAgo: SegmentCondition = { event: 'order_completed', last: { before: '1h' } }
      expect(byContact(await next(lastOrderOverAnHourAgo, [ann!]))).toEqual({ [ann!]: minute(62) })
      const neverViewed: SegmentCondition = { not: { event: 'page_viewed', first: { within: '1d' } } }
      expect(byContact(await next(neverViewed, [ann!, bob!]))).toEqual({ [ann!]: null, [bob!]: null })
      for (const match of [twiceInAnHour, lastOrderOverAnHourAgo, neverViewed]) {
        expect(await next(match, [ann!, bob!]), JSON.stringify(match)).toEqual(await reference(match))
      }
      expect(await next(twiceInAnHour, [])).toEqual([])
    })

    it('resumes a background computation after a restart, from the last page committed', async () => {
      const store = await stores.open()
      const ids = await contactsWithOrders(store, ['ann', 'bob', 'cyd', 'dan'])
      await store.transaction((tx) => tx.saveSegment({ segment: segment('s1') }))
      const now = () => new Date(minute(10))
      expect(await new SegmentComputer({ store, now, pageSize: 1 }).step()).toBe(true)
      const [halfway] = await store.transaction(async (tx) => withSizes(tx, await tx.readSegments({ id: 's1' })))
      expect(halfway).toMatchObject({ status: 'computing', size: 1, computeAfter: [...ids].sort()[0] })
      expect(halfway!.progress).toBeGreaterThan(0)
      expect(halfway!.progress).toBeLessThan(1)
      const reopened = harness.reopenStore ? await stores.reopen((await store.close(), store)) : store
      expect(await new SegmentComputer({ store: reopened, now, pageSize: 1 }).runPending(), 'pages left').toBe(3)
      const [done] = await reopened.transaction(async (tx) => withSizes(tx, await tx.readSegments({ id: 's1' })))
      expect(done).toMatchObject({ status: 'ready', progress: 1, size: 4, computedAt: minute(10) })
      const changes = (await reopened.readChanges({ limit: 1000 })).changes.filter(
        (change) => change.type === 'segment.entered',
      )
      expect(changes.map((change) => change.contactId).sort()).toEqual([...ids].sort())
    })
  })
}
