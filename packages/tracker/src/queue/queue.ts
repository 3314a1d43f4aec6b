import { promisifyRequest } from 'idb-keyval'
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
  /**
   * Everything queued, re-read from IndexedDB (other tabs add to it), oldest first: the
   * live map again, once refreshed.
   */
  _read(): Promise<Map<string, string>>
  /**
   * Deletes these events only: another tab's events added meanwhile stay. The IndexedDB
   * write is issued now; a later `_read` sees it (transactions run in the order created).
   */
  _remove(entries: Iterable<Entry>): void
}

/**
 * The delivery queue: IndexedDB (shared by the tabs of the origin) mirrored in memory.
 * The memory Map stays in key order (IndexedDB returns keys sorted; new keys sort last),
 * so its first keys are the oldest events.
 * Any IndexedDB failure switches to memory for the rest of the page's life, keeping every
 * event this tab holds. Beyond `cap` events the oldest are dropped. `memoryOnly`
 * (cookieless): IndexedDB is never touched.
 *
 * @example
 * const queue = createQueue('sillage-WRITE_KEY', 1000, warn)
 * queue._add(eventKey(now, id), json)
 */
export function createQueue(dbName: string, cap: number, warn: Warn, memoryOnly?: boolean): Queue {
  let memory = new Map<string, string>()
  // Changes of this task still waiting for their IndexedDB transaction: an entry to store
  // (the entry itself: one `getAll` reads keys and events back), or a key alone to delete.
  const pending: (Entry | [key: string])[] = []
  // IndexedDB until it fails; opened at first use, and again once the browser closed it
  // (Safari does). idb-keyval's `createStore` does the same, in more bytes.
  let idb = !memoryOnly && typeof indexedDB == 'object'
  let db: Promise<IDBDatabase> | undefined
  const open = () => {
    const request = indexedDB.open(dbName)
    request.onupgradeneeded = () => request.result.createObjectStore('events')
    return promisifyRequest(request).then((opened) => {
      opened.onclose = () => {
        db = undefined
      }
      return opened
    })
  }
  /** Runs a request on the `events` store; any failure, even a synchronous one, switches to memory. */
  const attempt = async <T>(
    mode: IDBTransactionMode,
    request: (events: IDBObjectStore) => Promise<T>,
  ): Promise<T | void> => {
    try {
      if (idb) return await request((await (db ||= open())).transaction('events', mode).objectStore('events'))
    } catch {
      warn('indexeddb-failed')
      idb = false
    }
  }
  /**
   * The first change of a task issues the write; its transaction, created once the
   * database is open, takes every change made until then: one commit for a burst, issued
   * at once (`commit()` no longer waits for request callbacks, so it is done before a page
   * that unloads goes away).
   */
  const save = (change: Entry | [key: string]) => {
    if (idb && pending.push(change) < 2) {
      void attempt('readwrite', (events) => {
        for (const next of pending.splice(0)) next[1] ? events.put(next, next[0]) : events.delete(next[0])
        events.transaction.commit?.()
        return promisifyRequest(events.transaction)
      })
    }
  }
  const remove = (key: string) => {
    memory.delete(key)
    save([key])
  }
  /** Drops the oldest events (the first keys) beyond the cap, without copying the keys. */
  const trim = () => {
    for (const key of memory.keys()) {
      if (memory.size <= cap) return
      warn('queue-full')
      remove(key)
    }
  }

  return {
    _add(key, json) {
      memory.set(key, json)
      trim()
      save([key, json])
    },
    _peek: () => memory,
    async _read() {
      const stored = await attempt('readonly', (events) => promisifyRequest<Entry[]>(events.getAll()))
      if (stored) {
        // IndexedDB is the truth: other tabs add and delete. (An event added during this read
        // is in IndexedDB already, and back here on the next read.)
        memory = new Map(stored)
        trim()
      }
      return memory
    },
    _remove(entries) {
      for (const entry of entries) remove(entry[0])
    },
  }
}
