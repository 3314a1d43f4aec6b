import type { StoredEvent } from '@sillage/protocol'
import type { EventQuery, Store } from '../../stores/store.js'

/** Events read from the store per page while streaming: the most `listEvents` gives at once. */
const PAGE_SIZE = 1000

/**
 * A byte stream of every event matching `query`, read one page at a time and only when
 * the client has taken the previous one (the stream's `pull`), so an export of millions
 * of events holds one page in memory, and a client that goes away stops the reading.
 *
 * @example
 * const line = (event: StoredEvent) => JSON.stringify(event) + '\n'
 * const body = streamEventPages({ store, query: { name: 'order_completed' }, header: '', line })
 * return new Response(body, { headers: { 'Content-Type': 'application/x-ndjson' } })
 */
export function streamEventPages(options: {
  store: Pick<Store, 'listEvents'>
  query: Omit<EventQuery, 'limit' | 'cursor'>
  header: string
  line: (event: StoredEvent, index: number) => string
  footer?: string
}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  let cursor: string | undefined
  let index = 0
  let started = false
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (!started) {
          started = true
          if (options.header) controller.enqueue(encoder.encode(options.header))
        }
        const page = await options.store.listEvents({ ...options.query, limit: PAGE_SIZE, cursor })
        const text = page.events.map((event) => options.line(event, index++)).join('')
        if (text) controller.enqueue(encoder.encode(text))
        cursor = page.nextCursor ?? undefined
        if (!cursor) {
          if (options.footer) controller.enqueue(encoder.encode(options.footer))
          controller.close()
        }
      },
    },
    // One page at a time: the next is read only once the previous chunk was taken.
    { highWaterMark: 1 },
  )
}
