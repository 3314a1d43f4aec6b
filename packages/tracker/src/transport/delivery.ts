import { MAX_BEACON_BYTES } from '../limits.js'
import type { Entry, Queue } from '../queue/queue.js'
import type { Warn } from '../warn.js'
import { chunks } from './chunks.js'
import { withFlushLock } from './flush-lock.js'
import { isRetryable, retryDelay } from './retry-delay.js'

export interface Delivery {
  _flush(): Promise<void>
  /** An event was queued: flush by size, or make sure the timer runs. */
  _added(): void
  /** The page is hidden or unloading: send what this tab holds, synchronously. */
  _hidden(): void
  /** The browser is back online: stop waiting out the backoff. */
  _online(): void
}

/**
 * Sends the queue to `POST {endpoint}/v1/batch?writeKey=…` and deletes events only once
 * the collector answered 2xx. Every request is `text/plain` (fetch's default for a string
 * body), a CORS simple request: no preflight round trip. Every body is at most 64 KB, so
 * the same request works with `keepalive` while the page unloads.
 *
 * @example
 * const delivery = createDelivery(queue, warn, 'https://c.example', 'wk', 'sillage-wk', 20, 5000, optedOut)
 * delivery._added()
 */
export function createDelivery(
  queue: Queue,
  warn: Warn,
  endpoint: string,
  writeKey: string,
  /** Of the flush lock; the queue's database name, so one lock per queue. */
  name: string,
  flushAt: number,
  flushInterval: number,
  optedOut: () => boolean,
): Delivery {
  const url = endpoint + '/v1/batch?writeKey=' + encodeURIComponent(writeKey)
  // Failed attempts in a row; while above 0 a retry is scheduled and new events wait for it.
  let attempt = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let running: Promise<void> | undefined

  /** The collector's answer, or undefined for a network error (or a fetch the page broke). */
  const post = async (entries: Entry[], keepalive?: boolean) => {
    try {
      return await fetch(url, {
        method: 'POST',
        body: '{"batch":[' + entries.map((entry) => entry[1]) + '],"sentAt":"' + new Date().toISOString() + '"}',
        keepalive,
      })
    } catch {
      // network error: the caller retries
    }
  }

  const schedule = (ms: number) => {
    clearTimeout(timer)
    timer = setTimeout(() => {
      timer = undefined
      void flush()
    }, ms)
  }

  /** Applies the collector's answer (none: network error); true when the next chunk may go. */
  const settle = (entries: Entry[], response?: Response): boolean => {
    const status = response?.status
    if (isRetryable(status)) {
      schedule(retryDelay(++attempt, response?.headers.get('Retry-After')))
      return false
    }
    if (!response!.ok) warn('refused-' + status)
    attempt = 0
    queue._remove(entries)
    return true
  }

  const sendQueued = async () => {
    // IndexedDB first (other tabs add and send too), then this tab's copy of it while that
    // has events: during a burst, each read would wait behind the burst's writes. Once the
    // copy is empty, IndexedDB again, for what other tabs added meanwhile.
    for (let read = true; ; read = !queue._peek().size) {
      const [entries] = chunks(read ? await queue._read() : queue._peek(), MAX_BEACON_BYTES)
      if (optedOut() || !entries || !settle(entries, await post(entries))) return
    }
  }

  const flush = (): Promise<void> =>
    (running ||= withFlushLock(name, sendQueued).finally(() => {
      running = undefined
      // Events left (another tab held the lock, or they came in meanwhile): try again later.
      if (queue._peek().size && !timer) schedule(flushInterval)
    }))

  return {
    _flush: flush,
    _added() {
      if (attempt) return
      if (queue._peek().size >= flushAt) void flush()
      else if (!timer) schedule(flushInterval)
    },
    _hidden() {
      // No lock here: there is no time to wait for one. `keepalive` lets the request outlive
      // the page (where a browser lacks it, the events simply wait for the next visit).
      // Events stay queued until a 2xx: if the answer is lost with the page, they are sent
      // again later and the collector de-duplicates them.
      if (!optedOut()) {
        for (const entries of chunks(queue._peek(), MAX_BEACON_BYTES)) {
          void post(entries, true).then((response) => settle(entries, response))
        }
      }
    },
    _online() {
      attempt = 0
      void flush()
    },
  }
}
