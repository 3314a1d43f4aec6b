import type { ContactDetail, StoredEvent } from '@sillage/protocol'
import type { Change } from '../../events/change.js'
import type { ContactSegment } from '../../segments/contact-segments.js'
import type { AutomationRun } from '../../automations/records/automation-run.js'
import {
  ChangeTable,
  EmptyState,
  EventTable,
  JsonPayload,
  NumberText,
  RunTable,
  TimeStamp,
} from '../components/index.js'
import { contactTitle } from './contact-title.js'

export interface ContactPageProps {
  contact: ContactDetail
  /** One page of the timeline, newest first. */
  events: StoredEvent[]
  nextCursor: string | null
  cursor?: string
  /** Its latest change-feed entries, newest first. */
  changes: Change[]
  /** The segments it is a member of, by name. */
  segments: ContactSegment[]
  /** Its latest automation runs, newest first, and the names of their automations. */
  runs: AutomationRun[]
  automationNames: ReadonlyMap<string, string>
}

/**
 * A contact: identifiers, attributes, merges, the per-event-name summaries, its segments,
 * its latest changes, the timeline, and the export and erase actions.
 *
 * @example
 * <ContactPage contact={contact} events={page.events} nextCursor={page.nextCursor} />
 */
export function ContactPage(props: ContactPageProps) {
  const { contact } = props
  const href = `/console/contacts/${encodeURIComponent(contact.id)}`
  const attributes = Object.entries(contact.attributes)
  return (
    <>
      <h1>{contactTitle(contact)}</h1>
      <p class="actions">
        <a href={`${href}/export.json`} download>
          Export (JSON)
        </a>{' '}
        · <a href={`${href}/erase`}>Erase…</a>
      </p>
      <div class="columns">
        <section aria-labelledby="identifiers">
          <h2 id="identifiers">Identifiers</h2>
          <dl class="facts">
            <dt>Contact id</dt>
            <dd>
              <code>{contact.id}</code>
            </dd>
            <dt>Email</dt>
            <dd>{contact.email ?? '—'}</dd>
            <dt>userId</dt>
            <dd>{contact.userId ?? '—'}</dd>
            <dt>anonymousIds</dt>
            <dd>{contact.anonymousIds.length > 0 ? contact.anonymousIds.join(', ') : '—'}</dd>
            <dt>Created</dt>
            <dd>
              <TimeStamp iso={contact.createdAt} />
            </dd>
            <dt>Updated</dt>
            <dd>
              <TimeStamp iso={contact.updatedAt} />
            </dd>
            <dt>Merged from</dt>
            <dd>{contact.mergedFrom.length > 0 ? contact.mergedFrom.join(', ') : 'no merges'}</dd>
          </dl>
        </section>
        <section aria-labelledby="attributes">
          <h2 id="attributes">Attributes</h2>
          {attributes.length > 0 ? (
            <dl class="facts">
              {attributes.map(([key, value]) => (
                <>
                  <dt>{key}</dt>
                  <dd>{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
                </>
              ))}
            </dl>
          ) : (
            <p>None yet: attributes come from identify calls (traits).</p>
          )}
        </section>
      </div>
      <section aria-labelledby="summaries">
        <h2 id="summaries">Summaries</h2>
        {contact.summaries.length > 0 ? (
          <div class="table-scroll">
            <table class="summaries">
              <caption>Per event name: how many, first and last time</caption>
              <thead>
                <tr>
                  <th scope="col">Event</th>
                  <th scope="col" class="num">
                    Count
                  </th>
                  <th scope="col">First</th>
                  <th scope="col">Last</th>
                </tr>
              </thead>
              <tbody>
                {contact.summaries.map((summary) => (
                  <tr>
                    <td>
                      <a href={`/console/events?${new URLSearchParams({ name: summary.name, contact: contact.id })}`}>
                        {summary.name}
                      </a>
                    </td>
                    <td class="num">
                      <NumberText value={summary.count} />
                    </td>
                    <td>
                      <TimeStamp iso={summary.first} />
                    </td>
                    <td>
                      <TimeStamp iso={summary.last} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p>No events yet.</p>
        )}
      </section>
      <section aria-labelledby="segments">
        <h2 id="segments">Segments</h2>
        {props.segments.length > 0 ? (
          <ul class="contact-segments">
            {props.segments.map((segment) => (
              <li>
                <a href={`/console/segments/${encodeURIComponent(segment.id)}`}>{segment.name}</a>, since{' '}
                <TimeStamp iso={segment.enteredAt} />
              </li>
            ))}
          </ul>
        ) : (
          <p>
            In no segment. <a href="/console/segments">See the segments</a> and ask any of them why.
          </p>
        )}
      </section>
      <section aria-labelledby="changes">
        <h2 id="changes">Changes</h2>
        {props.changes.length > 0 ? (
          <ChangeTable changes={props.changes} caption="Latest changes to this contact, newest first" />
        ) : (
          <p>No changes recorded.</p>
        )}
      </section>
      <section aria-labelledby="contact-runs">
        <h2 id="contact-runs">Automation runs</h2>
        {props.runs.length > 0 ? (
          <RunTable
            runs={props.runs}
            caption="This contact's latest runs, newest first"
            automationNames={props.automationNames}
          />
        ) : (
          <p>No automation has run for this contact.</p>
        )}
      </section>
      <section aria-labelledby="timeline">
        <h2 id="timeline">Timeline</h2>
        {props.events.length > 0 ? (
          <EventTable events={props.events} showContact={false} caption="Everything this contact did, newest first" />
        ) : (
          <EmptyState title="Nothing on this page of the timeline">
            <p>
              <a href={href}>Back to the newest events</a>.
            </p>
          </EmptyState>
        )}
        <nav class="pager" aria-label="Timeline pages">
          {props.cursor && <a href={href}>Newest events</a>}
          {props.nextCursor && (
            <a href={`${href}?cursor=${encodeURIComponent(props.nextCursor)}`} rel="next">
              Older events
            </a>
          )}
        </nav>
      </section>
      <JsonPayload summary="Contact as JSON" value={contact} />
    </>
  )
}
