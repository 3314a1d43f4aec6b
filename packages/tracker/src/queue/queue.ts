import { createStore, promisifyRequest, type UseStore } from 'idb-keyval'
import type { Warn } from '../warn.js'

/** A queued event: its sortable key and its serialised JSON. */
export type Entry = [key: string, json: string]

export interface Queue {
  /** Queues one event; the IndexedDB write is issued now, it settles later. */
  _add(key: string, json: string): void
  /**
   * What this tab knows is queued, synchronously (the page-hide send, flush by size). The
   * live map, not a copy: `track` asks for its size on every call.
   */
  _peek(): Map<string, string>
  /** Everything queued, re-read from IndexedDB (other tabs add to it), oldest first. */
  _read(): Promise<Entry[]>
  /** Deletes these keys only: another tab's events added meanwhile stay. Never rejects. */
  _remove(keys: string[]): Promise<void>
}

/**
 * One read-write transaction on the events store, committed at once (`commit()`: it no
 * longer waits for request callbacks, so it is done before a page that unloads goes away).
 */
const write = (store: UseStore, change: (events: IDBObjectStore) => unknown) =>
  store('readwrite', (events) => {
    change(events)
    events.transaction.commit?.()
    return promisifyRequest(events.transaction)
  })

/**
 * The delivery queue: IndexedDB (shared by the tabs of the origin) mirrored in memory.
 * The memory Map stays in key order (IndexedDB returns keys sorted; new keys sort last),
 * so its first keys are the oldest events.
 * Any IndexedDB failure switches to memory for the rest of the page's life, keeping every
 * event this tab holds. Beyond `cap` events the oldest are dropped.
 *
 * @example
 * const queue = createQueue('sillage-WRITE_KEY', 1000, warn)
 * queue._add(eventKey(now, id), json)
 */
export function createQueue(dbName: string, cap: number, warn: Warn): Queue {
  let memory = new Map<string, string>()
  // Events of this task still waiting for their IndexedDB transaction.
  const pending: Entry[] = []
  let store: UseStore | undefined = typeof indexedDB == 'object' ? createStore(dbName, 'events') : undefined
  const useMemory = () => {
    if (store) warn('indexeddb-failed')
    store = undefined
  }
  /** Runs an IndexedDB request; any failure, even a synchronous one, switches to memory. */
  const attempt = async <T>(request: () => Promise<T>): Promise<T | void> => {
    try {
      if (store) return await request()
    } catch {
      useMemory()
    }
  }
  const trim = () => {
    const excess = memory.size - cap
    if (excess > 0) {
      warn('queue-full')
      void remove([...memory.keys()].slice(0, excess))
    }
  }
  const remove = (keys: string[]) => {
    for (const key of keys) memory.delete(key)
    return attempt(() => write(store!, (events) => keys.map((key) => events.delete(key)))) as Promise<void>
  }

  return {
    _add(key, json) {
      memory.set(key, json)
      trim()
      // The first event of a task issues the write; its transaction, created once the
      // database is open, takes every event tracked until then: one commit for a burst.
      // Stored as the entry itself: one `getAll` reads keys and events back.
      if (store && pending.push([key, json]) < 2) {
        void attempt(() => write(store!, (events) => pending.splice(0).map((entry) => events.put(entry, entry[0]))))
      }
    },
    _peek: () => memory,
    async _read() {
      const stored = await attempt(() => store!('readonly', (events) => promisifyRequest<Entry[]>(events.getAll())))
      if (stored) {
        // IndexedDB is the truth: other tabs add and delete. (An event added during this read
        // is in IndexedDB already, and back here on the next read.)
        memory = new Map(stored)
        trim()
      }
      return [...memory]
    },
    _remove: remove,
  }
}
