import type { StoredEvent } from '@sillage/protocol'
import { JsonPayload } from './json-payload.js'
import { TimeStamp } from './time-stamp.js'

/**
 * The event log as a table, newest first: when, what, who, and the full payload behind a
 * `<details>`. `showContact` is off on a contact's own timeline.
 *
 * @example
 * <EventTable events={page.events} showContact />
 */
export function EventTable(props: { events: StoredEvent[]; showContact: boolean; caption: string }) {
  return (
    <table class="events">
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Event</th>
          <th scope="col">Type</th>
          {props.showContact && <th scope="col">Contact</th>}
          <th scope="col">Payload</th>
        </tr>
      </thead>
      <tbody>
        {props.events.map((event) => (
          <tr data-event-row>
            <td>
              <TimeStamp iso={event.timestamp} />
            </td>
            <td class="name">{event.name}</td>
            <td>{event.type}</td>
            {props.showContact && (
              <td>
                <a href={`/console/contacts/${encodeURIComponent(event.contactId)}`}>{contactLabel(event)}</a>
              </td>
            )}
            <td>
              <JsonPayload summary={`${event.name} payload`} value={event} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

const contactLabel = (event: StoredEvent) =>
  event.email ?? event.userId ?? (event.anonymousId ? `anonymous ${event.anonymousId.slice(0, 12)}` : event.contactId)
