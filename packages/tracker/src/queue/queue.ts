import { createStore, promisifyRequest, type UseStore } from 'idb-keyval'
import type { Warn } from '../warn.js'

/** A queued event: its sortable key and its serialised JSON. */
export type Entry = [key: string, json: string]

export interface Queue {
  /** Queues one event; the IndexedDB write is issued now, it settles later. */
  _add(key: string, json: string): void
  /** What this tab knows is queued, synchronously (for the page-hide beacon). */
  _peek(): Entry[]
  /** Everything queued, re-read from IndexedDB (other tabs add to it), oldest first. */
  _read(): Promise<Entry[]>
  /** Deletes these keys only: another tab's events added meanwhile stay. Never rejects. */
  _remove(keys: string[]): Promise<void>
  _size(): number
}

/** One read-write transaction on the events store, settled when it commits. */
const write = (store: UseStore, change: (events: IDBObjectStore) => unknown) =>
  store('readwrite', (events) => (change(events), promisifyRequest(events.transaction)))

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
  // Keys whose IndexedDB write has not settled yet: absent from a snapshot, still queued.
  const unwritten = new Set<string>()
  let store: UseStore | undefined
  try {
    if (indexedDB) store = createStore(dbName, 'events')
  } catch {
    // no IndexedDB at all
  }
  const useMemory = () => {
    if (store) warn('IndexedDB failed: queue kept in memory')
    store = undefined
  }
  const trim = () => {
    const excess = memory.size - cap
    if (excess > 0) {
      warn('queue full: dropped the oldest events')
      void remove([...memory.keys()].slice(0, excess))
    }
  }
  const remove = async (keys: string[]) => {
    for (const key of keys) memory.delete(key)
    try {
      if (store) await write(store, (events) => keys.map((key) => events.delete(key)))
    } catch {
      useMemory()
    }
  }

  return {
    _add(key, json) {
      memory.set(key, json)
      trim()
      if (!store) return
      unwritten.add(key)
      const written = () => unwritten.delete(key)
      try {
        write(store, (events) => events.put(json, key)).then(written, () => (written(), useMemory()))
      } catch {
        written()
        useMemory()
      }
    },
    _peek: () => [...memory],
    async _read() {
      try {
        if (store) {
          const [keys, values] = await store('readonly', (events) =>
            Promise.all([promisifyRequest(events.getAllKeys()), promisifyRequest(events.getAll())]),
          )
          const snapshot = new Map(keys.map((key, index) => [key as string, values[index] as string]))
          for (const key of unwritten) if (memory.has(key)) snapshot.set(key, memory.get(key)!)
          memory = snapshot
          trim()
        }
      } catch {
        useMemory()
      }
      return [...memory]
    },
    _remove: remove,
    _size: () => memory.size,
  }
}
