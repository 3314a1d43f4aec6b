import { Hono } from 'hono'
import type { Context } from 'hono'
import type { CollectorEnv } from '../../collector-env.js'
import { ApiError } from '../../errors/api-error.js'
import type { ConsoleAssetFiles } from '../assets/console-asset-files.js'
import type { ConsoleDeps } from '../console-deps.js'
import { eventExportFormats } from '../export/event-export-format.js'
import { streamEventPages } from '../export/stream-event-pages.js'
import { EventsPage } from '../pages/events-page.js'
import { requestOrigin } from '../session/index.js'
import { filtersQuery } from './event-filters.js'
import { resolveEventQuery } from './resolve-event-query.js'
import { renderConsolePage } from './render-console-page.js'

const PAGE_SIZE = 50

/**
 * `GET /console/events` (the event log, its newest page followed live: see
 * `liveEventsRoute`) and `GET /console/events/export.{csv,ndjson}`
 * (the same filters, every page, streamed).
 *
 * @example
 * app.route('/', eventsRoutes({ deps, assets }))
 */
export function eventsRoutes(options: { deps: ConsoleDeps; assets: ConsoleAssetFiles }): Hono<CollectorEnv> {
  const { deps, assets } = options
  const app = new Hono<CollectorEnv>()

  const resolveQuery = (c: Context) => resolveEventQuery(deps.store, c.req.query())

  app.get('/events', async (c) => {
    const resolved = await resolveQuery(c)
    // The newest page goes on live; its start is taken before the page is read, so an event
    // committed in between comes through the stream (and a repeat is dropped by its messageId).
    const live = resolved.ok && !resolved.filters.cursor
    const liveAfter = live ? await deps.store.latestChangeCursor() : null
    const liveQuery = filtersQuery(resolved.filters, liveAfter ? { after: liveAfter } : {})
    const page = resolved.ok
      ? await deps.store.listEvents({ ...resolved.query, limit: PAGE_SIZE, cursor: resolved.filters.cursor })
      : { events: [], nextCursor: null }
    return renderConsolePage(
      c,
      { assets, title: 'Events', section: 'events', signedIn: true, status: resolved.ok ? 200 : 400 },
      <EventsPage
        filters={resolved.filters}
        message={resolved.ok ? undefined : resolved.message}
        events={page.events}
        nextCursor={page.nextCursor}
        liveUrl={live ? `/console/events/live?${liveQuery}` : undefined}
        origin={requestOrigin(c, deps)}
        writeKey={deps.writeKeys[0]!}
      />,
    )
  })

  for (const format of Object.values(eventExportFormats)) {
    app.get(`/events/export.${format.extension}`, async (c) => {
      const resolved = await resolveQuery(c)
      if (!resolved.ok) throw new ApiError(400, 'invalid_filter', resolved.message)
      const { header, line } = format
      const body = streamEventPages({ store: deps.store, query: resolved.query, header, line })
      const stamp = deps.now().toISOString().slice(0, 19).replace(/:/g, '')
      return c.body(body, 200, {
        'Content-Type': format.contentType,
        'Content-Disposition': `attachment; filename="sillage-events-${stamp}.${format.extension}"`,
      })
    })
  }
  return app
}
