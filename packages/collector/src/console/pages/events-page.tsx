import type { StoredEvent } from '@sillage/protocol'
import { eventTypes } from '@sillage/protocol'
import { EmptyState, EventTable, ScriptTagSnippet } from '../components/index.js'
import { filtersQuery, type EventFilters } from '../routes/event-filters.js'

export interface EventsPageProps {
  filters: Partial<EventFilters>
  /** A filter the store cannot run (bad date, unknown contact), shown above the form. */
  message?: string
  events: StoredEvent[]
  nextCursor: string | null
  origin: string
  writeKey: string
  /** The live stream of this view's new events; absent on older pages and refused filters. */
  liveUrl?: string
}

/**
 * The event log: filters (name, type, contact, time range), newest first, one page at a
 * time, each event's payload, and the filtered set's export.
 *
 * @example
 * <EventsPage filters={{ name: 'order_completed' }} events={page.events} nextCursor={page.nextCursor} … />
 */
export function EventsPage(props: EventsPageProps) {
  const { filters } = props
  const filtered = ['name', 'type', 'contact', 'since', 'until'].some((key) => filters[key as keyof EventFilters])
  return (
    <>
      <h1>Events</h1>
      <FilterForm filters={filters} />
      {props.message && (
        <p class="error" role="alert">
          {props.message}
        </p>
      )}
      <p class="exports">
        Export {filtered ? 'these filters' : 'every event'}:{' '}
        <a href={`/console/events/export.csv?${filtersQuery(filters)}`} download>
          CSV
        </a>{' '}
        ·{' '}
        <a href={`/console/events/export.ndjson?${filtersQuery(filters)}`} download>
          NDJSON
        </a>
      </p>
      {props.liveUrl && <LiveStatus liveUrl={props.liveUrl} filters={filters} />}
      {props.liveUrl && props.events.length === 0 && (
        <EventTable events={[]} showContact caption="Events, newest first" live hidden />
      )}
      {props.events.length > 0 ? (
        <EventTable events={props.events} showContact caption="Events, newest first" live={Boolean(props.liveUrl)} />
      ) : filtered || filters.cursor ? (
        <EmptyState title="No events match these filters">
          <p>
            Widen the time range or <a href="/console/events">clear the filters</a>.
          </p>
        </EmptyState>
      ) : (
        !props.message && (
          <EmptyState title="No events yet">
            <p>Paste the script tag into your site, or send events from your server to /v1/batch.</p>
            <ScriptTagSnippet origin={props.origin} writeKey={props.writeKey} />
          </EmptyState>
        )
      )}
      <nav class="pager" aria-label="Pages">
        {filters.cursor && <a href={`/console/events?${filtersQuery(filters)}`}>Newest events</a>}
        {props.nextCursor && (
          <a href={`/console/events?${filtersQuery(filters, { cursor: props.nextCursor })}`} rel="next">
            Older events
          </a>
        )}
      </nav>
    </>
  )
}

/**
 * Where the live view says how it is doing; without the script it stays a plain link
 * that reloads the page.
 */
function LiveStatus(props: { liveUrl: string; filters: Partial<EventFilters> }) {
  return (
    <p class="live" data-live={props.liveUrl}>
      <span data-live-status role="status">
        Showing events up to when this page loaded.
      </span>{' '}
      <a href={`/console/events?${filtersQuery(props.filters)}`}>Refresh</a>
    </p>
  )
}

function FilterForm(props: { filters: Partial<EventFilters> }) {
  const { filters } = props
  return (
    <form method="get" action="/console/events" class="filters" role="search" aria-label="Filter events">
      <div>
        <label for="f-name">Name</label>
        <input id="f-name" name="name" value={filters.name ?? ''} placeholder="order_completed" data-focus-key />
      </div>
      <div>
        <label for="f-type">Type</label>
        <select id="f-type" name="type">
          <option value="">any</option>
          {eventTypes.map((type) => (
            <option value={type} selected={filters.type === type}>
              {type}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label for="f-contact">Contact</label>
        <input
          id="f-contact"
          name="contact"
          value={filters.contact ?? ''}
          placeholder="email, userId, anonymousId or id"
        />
      </div>
      <div>
        <label for="f-since">
          From <span data-zone-label>(UTC)</span>
        </label>
        <input id="f-since" name="since" type="datetime-local" step="1" value={filters.since ?? ''} />
      </div>
      <div>
        <label for="f-until">
          To <span data-zone-label>(UTC)</span>
        </label>
        <input id="f-until" name="until" type="datetime-local" step="1" value={filters.until ?? ''} />
      </div>
      <input type="hidden" name="tz" value={filters.tz === undefined ? '' : String(filters.tz)} data-tz />
      <div class="actions">
        <button type="submit">Apply</button> <a href="/console/events">Clear</a>
      </div>
    </form>
  )
}
