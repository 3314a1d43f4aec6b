import { afterEach } from 'vitest'
import type { Store } from '../store.js'

/** How the contract suite gets stores of one kind. */
export interface StoreHarness {
  /** A new, empty, opened store. */
  openStore(): Promise<Store>
  /** A new store on the same data as `closed` (already closed): a collector restart. Omit when nothing persists. */
  reopenStore?(closed: Store): Promise<Store>
}

/**
 * Registers an afterEach that closes every store a test opened, and returns the opener
 * tests use (so a failing test never leaks a database connection into the next one).
 */
export function useStores(harness: StoreHarness): { open(): Promise<Store>; reopen(closed: Store): Promise<Store> } {
  const opened: Store[] = []
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()))
  })
  return {
    async open() {
      const store = await harness.openStore()
      opened.push(store)
      return store
    },
    async reopen(closed) {
      if (harness.reopenStore === undefined) throw new Error('this store keeps nothing across restarts')
      const store = await harness.reopenStore(closed)
      opened.push(store)
      return store
    },
  }
}

/** Every stored event, newest first, following cursors to the end. */
export async function allEvents(store: Store, contactId?: string) {
  const events = []
  let cursor: string | undefined
  do {
    const page = await store.listEvents({
      limit: 1000,
      ...(contactId === undefined ? {} : { contactId }),
      ...(cursor === undefined ? {} : { cursor }),
    })
    events.push(...page.events)
    cursor = page.nextCursor ?? undefined
  } while (cursor !== undefined)
  return events
}

/** messageId → contactId of every stored event. */
export async function ownerOfEachEvent(store: Store): Promise<Map<string, string>> {
  return new Map((await allEvents(store)).map((event) => [event.messageId, event.contactId]))
}
