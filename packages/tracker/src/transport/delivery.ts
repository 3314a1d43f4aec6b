import type { Entry, Queue } from '../queue/queue.js'
import type { Warn } from '../warn.js'
import { chunks } from './chunks.js'
import { withFlushLock } from './flush-lock.js'
import { deleteStoredLeftovers } from './delete-stored-leftovers.js'
import { post } from './post.js'
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

/** Internal, so its fields are `_`-prefixed like every internal name: the minifier shortens them. */
export interface DeliveryOptions {
  _queue: Queue
  _warn: Warn
  /** Collector base URL, without a trailing slash. */
  _endpoint: string
  _writeKey: string
  /** Of the flush lock; the queue's database name, so one lock per queue. */
  _lockName: string
  _flushAt: number
  _flushInterval: number
  /** Opted out, or no consent yet: nothing is read or sent. */
  _paused: () => boolean | undefined
}

/**
 * Sends the queue to `POST {endpoint}/v1/batch?writeKey=…` and deletes events only once
 * the collector answered 2xx. Every request is `text/plain` (fetch's default for a string
 * body), a CORS simple request: no preflight round trip. Every body is at most 64 KB, so
 * the same request works with `keepalive` while the page unloads. The events an earlier
 * page left queued (typically those of its unload request, whose answer it never saw) are
 * sent only if the collector does not hold them yet (see `deleteStoredLeftovers`).
 *
 * @example
 * const delivery = createDelivery({ _queue: queue, _warn: warn, _endpoint: 'https://c.example', _writeKey: 'wk',
 *   _lockName: 'sillage-wk', _flushAt: 20, _flushInterval: 5000, _paused: () => false })
 * delivery._added()
 */
export function createDelivery(options: DeliveryOptions): Delivery {
  const { _queue: queue, _warn: warn, _flushAt: flushAt, _flushInterval: flushInterval, _paused: paused } = options
  const query = '?writeKey=' + encodeURIComponent(options._writeKey)
  const batchUrl = options._endpoint + '/v1/batch' + query
  const receiptsUrl = options._endpoint + '/v1/receipts' + query
  // Failed attempts in a row; while above 0 a retry is scheduled and new events wait for it.
  let attempt = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let running: Promise<void> | undefined
  // Queued events whose key sorts before this (a key starts with the event's ISO timestamp)
  // were tracked by earlier pages: the first flush asks the collector about them, then clears it.
  let startedAt: string | undefined = new Date().toISOString()

  /** The collector's answer, or undefined for a network error: then `settle` schedules a retry. */
  const send = (entries: Entry[], keepalive?: boolean) =>
    post(
      batchUrl,
      '{"batch":[' + entries.map((entry) => entry[1]) + '],"sentAt":"' + new Date().toISOString() + '"}',
      keepalive,
    )

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
    for (let read = true; !paused(); read = !queue._peek().size) {
      const queued = read ? await queue._read() : queue._peek()
      if (startedAt) {
        const leftovers = [...queued].filter(([key]) => key < startedAt!)
        startedAt = undefined
        await deleteStoredLeftovers(queue, leftovers, receiptsUrl)
      }
      const [entries] = chunks(queue._peek())
      if (!entries || paused() || !settle(entries, await send(entries))) return
    }
  }

  const flush = (): Promise<void> =>
    (running ||= withFlushLock(options._lockName, sendQueued).finally(() => {
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
      // Events stay queued until a 2xx; if the page is gone before the answer, the next page
      // asks the collector for receipts rather than send them again.
      if (!paused()) {
        for (const entries of chunks(queue._peek())) {
          void send(entries, true).then((response) => settle(entries, response))
        }
      }
    },
    _online() {
      attempt = 0
      void flush()
    },
  }
}
