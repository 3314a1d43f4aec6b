import type { StoredEvent } from '@sillage/protocol'
import { EventRow } from './event-row.js'

/**
 * The event log as a table, newest first (see `EventRow`). `showContact` is off on a
 * contact's own timeline; `live` marks the table the live view adds new rows to, and
 * `hidden` keeps an empty one out of sight until the first arrives.
 *
 * @example
 * <EventTable events={page.events} showContact caption="Events, newest first" />
 */
export function EventTable(props: {
  events: StoredEvent[]
  showContact: boolean
  caption: string
  live?: boolean
  hidden?: boolean
}) {
  return (
    <div class="table-scroll">
      <table class="events" data-live-table={props.live ? '' : undefined} hidden={props.hidden}>
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
            <EventRow event={event} showContact={props.showContact} />
          ))}
        </tbody>
      </table>
    </div>
  )
}
