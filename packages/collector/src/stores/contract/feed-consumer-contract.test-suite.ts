import { describe, expect, it } from 'vitest'
import type { Change } from '../../events/change.js'
import { FeedFollower } from '../../feed/feed-follower.js'
import type { FeedSource } from '../../feed/feed-source.js'
import type { Store } from '../store.js'
import { allChanges, messageIdOf } from './change-feed-contract.test-suite.js'
import { makeEvent } from './event-fixture.test-suite.js'
import { ingest } from './ingest-counts.test-suite.js'
import { type StoreHarness, useStores } from './store-harness.test-suite.js'

/** In-process consumers of the change feed: each change handled once, from committed data, resumed after a restart. */
export function describeFeedConsumerContract(harness: StoreHarness): void {
  describe('change feed consumers', () => {
    const stores = useStores(harness)

    it('a consumer is handed only committed changes, whose contacts its other reads can see', async () => {
      // Transactions started together share one commit: a page read inside the consumer's
      // transaction would hold changes of the others in its group, not committed yet, naming
      // contacts the store does not show yet (an automation once ended such runs as erased).
      const store = await stores.open()
      const unseenContacts: string[] = []
      const handled: string[] = []
      const consumer = {
        name: 'visibility',
        async handle(changes: readonly Change[]) {
          for (const change of changes) {
            handled.push(change.cursor)
            if (change.contactId !== null && (await store.getContact(change.contactId)) === null) {
              unseenContacts.push(`${change.type} ${change.cursor}`)
            }
          }
        },
      }
      const follower = new FeedFollower({ source: store, consumer, batchSize: 1000 })
      await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          i % 3 === 0 ? follower.step() : ingest(store, [makeEvent({ messageId: `m${i}`, anon: `d${i}`, at: i + 1 })]),
        ),
      )
      await follower.catchUp()
      expect(unseenContacts).toEqual([])
      expect(handled).toEqual((await allChanges(store)).map((change) => change.cursor))
    })

    it('a consumer handles each change once, resumes from its stored cursor and is woken by commits', async () => {
      const store = await stores.open()
      const handled: string[] = []
      let onHandled: (() => void) | null = null
      // Its effect goes through the transaction that moves its cursor, as a real consumer's would.
      const consumer = {
        name: 'test-consumer',
        async handle(changes: readonly Change[], tx: Parameters<Parameters<Store['transaction']>[0]>[0]) {
          const stored = changes.filter((change) => change.type === 'event.stored')
          handled.push(...stored.map(messageIdOf))
          await tx.appendChanges({
            changes: stored.map((change) => ({
              type: 'segment.entered',
              at: change.at,
              contactId: change.contactId,
              data: { segmentId: 's1', messageId: messageIdOf(change) },
            })),
          })
          onHandled?.()
        },
      }
      await ingest(
        store,
        Array.from({ length: 5 }, (_, i) => makeEvent({ messageId: `m${i}`, anon: 'd1', at: i })),
      )
      expect(await new FeedFollower({ source: store, consumer, batchSize: 2 }).catchUp()).toBeGreaterThanOrEqual(6)
      expect(handled).toEqual(['m0', 'm1', 'm2', 'm3', 'm4'])

      // A new follower (a restart) starts from the stored cursor; a running one is woken by the commit.
      const follower = new FeedFollower({ source: store, consumer, pollMs: 10_000 })
      follower.start()
      try {
        const woken = new Promise<void>((resolve) => (onHandled = () => handled.includes('m5') && resolve()))
        await ingest(store, [makeEvent({ messageId: 'm5', anon: 'd1', at: 5 })])
        await woken
      } finally {
        await follower.stop()
      }
      expect(handled).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5'])
      const entered = (await allChanges(store)).filter((change) => change.type === 'segment.entered')
      expect(entered.map((change) => change.data)).toEqual(handled.map((messageId) => ({ segmentId: 's1', messageId })))
    })

    it('an idle consumer reads no change; once busy it handles each later change exactly once', async () => {
      const store = await stores.open()
      const handled: string[] = []
      let busy = false
      let reads = 0
      const consumer = {
        name: 'test-idle',
        isIdle: async () => !busy,
        async handle(changes: readonly Change[]) {
          handled.push(...changes.filter((change) => change.type === 'event.stored').map(messageIdOf))
        },
      }
      const source: FeedSource = {
        transaction: (work) =>
          store.transaction((tx) =>
            work({
              ...tx,
              readChanges: (query) => {
                reads += 1
                return tx.readChanges(query)
              },
            }),
          ),
        readChanges: (query) => {
          reads += 1
          return store.readChanges(query)
        },
        onChanges: (listener) => store.onChanges(listener),
      }
      const follower = new FeedFollower({ source, consumer, batchSize: 2 })
      const ingestOne = (messageId: string, at: number) => ingest(store, [makeEvent({ messageId, anon: 'd1', at })])

      await ingestOne('before-1', 1)
      await ingestOne('before-2', 2)
      expect(await follower.catchUp()).toBe(0)
      await ingestOne('idle-1', 3)
      expect(await follower.catchUp()).toBe(0)
      expect(reads).toBe(0)

      busy = true
      for (const [i, messageId] of ['busy-1', 'busy-2', 'busy-3'].entries()) await ingestOne(messageId, 4 + i)
      await follower.catchUp()
      expect(reads).toBeGreaterThan(0)
      expect(await follower.catchUp()).toBe(0)
      // A restart resumes from the cursor the idle steps saved.
      await ingestOne('busy-4', 7)
      await new FeedFollower({ source: store, consumer }).catchUp()
      expect(handled).toEqual(['busy-1', 'busy-2', 'busy-3', 'busy-4'])
    })
  })
}
