import type { StoredEvent } from '@sillage/protocol'
import { JsonPayload } from './json-payload.js'
import { TimeStamp } from './time-stamp.js'

/**
 * One row of the event log: when, what, who, and the full payload behind a `<details>`.
 * The live view sends the same row for each new event.
 *
 * @example
 * <EventRow event={event} showContact />
 */
export function EventRow(props: { event: StoredEvent; showContact: boolean }) {
  const { event } = props
  return (
    <tr data-event-row data-message-id={event.messageId}>
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
  )
}

const contactLabel = (event: StoredEvent) =>
  event.email ?? event.userId ?? (event.anonymousId ? `anonymous ${event.anonymousId.slice(0, 12)}` : event.contactId)
