import { Hono } from 'hono'
import type { Context } from 'hono'
import type { CollectorEnv } from '../../collector-env.js'
import { ApiError } from '../../errors/api-error.js'
import type { EventQuery } from '../../stores/store.js'
import type { ConsoleAssetFiles } from '../assets/console-asset-files.js'
import type { ConsoleDeps } from '../console-deps.js'
import { eventExportFormats } from '../export/event-export-format.js'
import { streamEventPages } from '../export/stream-event-pages.js'
import { EventsPage } from '../pages/events-page.js'
import { requestOrigin } from '../session/index.js'
import { parseEventFilters, type EventFilters } from './event-filters.js'
import { findContactsByAny } from './find-contacts-by-any.js'
import { renderConsolePage } from './render-console-page.js'

const PAGE_SIZE = 50

type Resolved = { ok: true; query: Omit<EventQuery, 'limit'> } | { ok: false; message: string }

/**
 * `GET /console/events` (the event log) and `GET /console/events/export.{csv,ndjson}`
 * (the same filters, every page, streamed).
 *
 * @example
 * app.route('/', eventsRoutes({ deps, assets }))
 */
export function eventsRoutes(options: { deps: ConsoleDeps; assets: ConsoleAssetFiles }): Hono<CollectorEnv> {
  const { deps, assets } = options
  const app = new Hono<CollectorEnv>()

  /** The store query for the request's filters, the contact typed as an email or any id resolved. */
  async function resolveQuery(c: Context): Promise<Resolved & { filters: Partial<EventFilters> }> {
    const parsed = parseEventFilters(c.req.query())
    if (!parsed.ok) return { ok: false, message: parsed.message, filters: parsed.filters }
    const { filters } = parsed
    let contactId: string | undefined
    if (filters.contact) {
      const [contact] = await findContactsByAny(deps.store, filters.contact)
      if (!contact) {
        const message = `No contact matches "${filters.contact}": try their email, userId or anonymousId.`
        return { ok: false, message, filters }
      }
      contactId = contact.id
    }
    const query = { name: filters.name, type: filters.type, since: parsed.since, until: parsed.until, contactId }
    return { ok: true, query, filters }
  }

  app.get('/events', async (c) => {
    const resolved = await resolveQuery(c)
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
