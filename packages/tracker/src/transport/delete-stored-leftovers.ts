import type { Entry, Queue } from '../queue/queue.js'
import { post } from './post.js'

/**
 * Deletes, among `entries`, the events the collector says it already stored, asking it
 * with `POST /v1/receipts` (their messageIds only); the others stay queued, to be sent.
 *
 * What it is for: a page sends its queue while it unloads (`fetch` with `keepalive`) and is
 * gone before the answer, so those events stay in IndexedDB. The next page of the site
 * finds them and, without this, sent them all again: a visitor clicking through a site had
 * nearly every event sent twice. A tracker runs it once, on the events it finds at its
 * first flush that were tracked before it started.
 *
 * Why nothing is lost: an event leaves IndexedDB only on the collector's word, a 2xx to a
 * batch that carried it or a receipt naming its messageId, and the collector gives either
 * only for a committed event. Any other outcome (no answer, an error, a collector without
 * the receipts route) deletes nothing, and the events are sent as before: at worst a
 * duplicate, which the collector drops by messageId (as when the unload request is still on
 * its way when asked about; the first flush comes `flushInterval` after the page starts).
 *
 * @example
 * await deleteStoredLeftovers(queue, leftovers, 'https://c.example/v1/receipts?writeKey=wk')
 */
export async function deleteStoredLeftovers(queue: Queue, entries: Entry[], receiptsUrl: string): Promise<void> {
  if (!entries[0]) return
  try {
    const messageIds = entries.map((entry) => JSON.parse(entry[1]).messageId)
    const response = await post(receiptsUrl, JSON.stringify({ messageIds }))
    if (!response?.ok) return
    const stored = new Set((await response.json()).stored)
    queue._remove(entries.filter((_, index) => stored.has(messageIds[index])))
  } catch {
    // no receipt (network error, or an answer that is not JSON): the events are sent again
  }
}
