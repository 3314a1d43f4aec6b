import { Hono } from 'hono'
import type { Context } from 'hono'
import { streamSSE, type SSEStreamingApi } from 'hono/streaming'
import type { StoredEvent } from '@sillage/protocol'
import type { CollectorEnv } from '../../collector-env.js'
import { ApiError } from '../../errors/api-error.js'
import type { ChangePage } from '../../events/change.js'
import { waitForChanges } from '../../feed/wait-for-changes.js'
import { EventRow } from '../components/index.js'
import type { ConsoleDeps } from '../console-deps.js'
import { resolveEventQuery } from '../routes/resolve-event-query.js'
import { currentSession } from '../session/index.js'
import { intervalClock, type HeartbeatClock } from './heartbeat-clock.js'
import { liveEventFilter } from './live-event-filter.js'

const PAGE_SIZE = 200
/** A long wait per read; the loop reads again after it, so a quiet feed costs one query per wait. */
const WAIT_MS = 25_000

export interface LiveEventsOptions {
  deps: ConsoleDeps
  /** Drives the heartbeat comment that keeps proxies from closing a quiet stream. Default: `setInterval`. */
  clock?: HeartbeatClock
  /** Default 15 s: under the idle timeout of common proxies and load balancers (30–60 s). */
  heartbeatMs?: number
  log: (message: string, error: unknown) => void
}

/**
 * `GET /console/events/live?<event filters>&after=<feed cursor>`: the event log's new
 * events as server-sent events, read from the change feed and woken by each commit. Each
 * matching event comes as an `event` message whose data is its table row, with its feed
 * cursor as id, so a reconnecting browser (`Last-Event-ID`) resumes where it was. The
 * stream ends when the client leaves, its session does, or the process stops.
 *
 * @example
 * app.route('/', liveEventsRoute({ deps, log }))
 */
export function liveEventsRoute(options: LiveEventsOptions): Hono<CollectorEnv> {
  const { deps, clock = intervalClock, heartbeatMs = 15_000, log } = options
  const app = new Hono<CollectorEnv>()

  app.get('/events/live', async (c) => {
    const resolved = await resolveEventQuery(deps.store, c.req.query())
    if (!resolved.ok) throw new ApiError(400, 'invalid_filter', resolved.message)
    const after = c.req.header('Last-Event-ID') || c.req.query('after') || undefined
    if (after !== undefined && after.length > 512) {
      throw new ApiError(400, 'invalid_cursor', 'That live link is no longer valid: reload the event log.')
    }
    const matches = liveEventFilter(resolved)
    // Read once before answering, so a bad cursor is a 400 and not a broken stream.
    const first = await deps.store.readChanges({ after, limit: PAGE_SIZE })
    return streamSSE(c, async (stream) => {
      const stopped = new AbortController()
      const stop = () => stopped.abort()
      stream.onAbort(stop)
      c.req.raw.signal.addEventListener('abort', stop)
      deps.shutdown.addEventListener('abort', stop)
      const stopHeartbeat = clock(heartbeatMs, () => {
        if (!signedIn(c)) stop()
        else stream.write(': heartbeat\n\n').catch(stop)
      })
      try {
        await stream.write('retry: 3000\n\n')
        let page = first
        let cursor = after
        for (;;) {
          cursor = await sendPage({ stream, page, sent: cursor, matches })
          if (stopped.signal.aborted || !signedIn(c)) return
          const wait = { after: cursor, limit: PAGE_SIZE, waitMs: WAIT_MS, signal: stopped.signal }
          page = await waitForChanges(deps.store, wait)
          if (stopped.signal.aborted) return
        }
      } catch (error) {
        // The browser reconnects with Last-Event-ID; the stream just ends here.
        if (!stopped.signal.aborted) log('sillage: the live event stream failed:', error)
      } finally {
        stopHeartbeat()
        c.req.raw.signal.removeEventListener('abort', stop)
        deps.shutdown.removeEventListener('abort', stop)
      }
    })
  })

  const signedIn = (c: Context) => currentSession(c, deps) !== null
  return app
}

/** Writes the page's matching events; returns the cursor the browser now holds. */
async function sendPage(options: {
  stream: SSEStreamingApi
  page: ChangePage
  sent: string | undefined
  matches: (event: StoredEvent) => boolean
}): Promise<string | undefined> {
  const { stream, page, matches } = options
  let sent = options.sent
  for (const change of page.changes) {
    if (change.type !== 'event.stored' || change.data === null) continue
    const event = change.data as unknown as StoredEvent
    if (!matches(event)) continue
    const row = await (<EventRow event={event} showContact />).toString()
    await stream.writeSSE({ event: 'event', id: change.cursor, data: String(row) })
    sent = change.cursor
  }
  // Changes that matched nothing still move the browser's cursor on (an id with no data
  // sets Last-Event-ID without firing an event), so a reconnect does not read them again.
  if (page.nextCursor !== null && page.nextCursor !== sent) {
    await stream.write(`id: ${page.nextCursor}\n\n`)
    sent = page.nextCursor
  }
  return sent
}
