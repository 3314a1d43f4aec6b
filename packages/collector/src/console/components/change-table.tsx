import type { Change } from '../../events/change.js'
import { TimeStamp } from './time-stamp.js'

/**
 * A contact's latest change-feed entries as a table, newest first: when, what changed,
 * and in a few words what it was about.
 *
 * @example
 * <ChangeTable changes={changes} caption="Latest changes to this contact, newest first" />
 */
export function ChangeTable(props: { changes: Change[]; caption: string }) {
  return (
    <div class="table-scroll">
      <table class="changes">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Change</th>
            <th scope="col">About</th>
          </tr>
        </thead>
        <tbody>
          {props.changes.map((change) => (
            <tr data-change-row>
              <td>
                <TimeStamp iso={change.at} />
              </td>
              <td>{change.type}</td>
              <td>{aboutChange(change)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

const text = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value))

function aboutChange({ type, data }: Change): string {
  if (type === 'contact.erased') return 'Erased with its identifiers, summaries and events'
  if (data === null) return 'Removed when the contact was erased'
  switch (type) {
    case 'event.stored':
      return `${text(data.type)} ${text(data.name)}`
    case 'contact.created':
      return 'First seen'
    case 'contact.merged':
      return `Contact ${text(data.from)} merged in`
    case 'contact.updated':
      return `Attributes set: ${Object.keys(data).join(', ')}`
    case 'segment.entered':
    case 'segment.exited':
      return `Segment ${text(data.segmentId)}`
  }
}
