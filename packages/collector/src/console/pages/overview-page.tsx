import type { ContactCounts } from '../../contacts/contact-counts.js'
import { EmptyState, EventsChart, NumberText, ScriptTagSnippet } from '../components/index.js'
import type { Overview } from '../overview/collect-overview.js'

export interface OverviewPageProps {
  overview: Overview
  windowDays: number
  /** The collector's counters since it started. */
  outcomes: { accepted: number; duplicate: number; rejected: number }
  /** Every contact in the store, counted exactly. */
  allContacts: ContactCounts
  origin: string
  writeKey: string
}

/**
 * The overview: events per day, top event names, contacts seen and in all, what ingestion accepted,
 * and the script tag; an empty store shows the script tag first.
 *
 * @example
 * <OverviewPage overview={overview} windowDays={14} outcomes={outcomes} origin={origin} writeKey="wk_1" />
 */
export function OverviewPage(props: OverviewPageProps) {
  const { overview, outcomes } = props
  if (overview.eventsRead === 0) {
    return (
      <>
        <h1>Overview</h1>
        <EmptyState title={`No events in the last ${props.windowDays} days`}>
          <p>Events appear here as soon as a page with the script tag is visited.</p>
          <ScriptTagSnippet origin={props.origin} writeKey={props.writeKey} />
        </EmptyState>
        <Outcomes outcomes={outcomes} />
      </>
    )
  }
  return (
    <>
      <h1>Overview</h1>
      <section aria-labelledby="activity">
        <h2 id="activity">Events, last {props.windowDays} days (UTC)</h2>
        {overview.truncated && (
          <p class="notice">
            Figures cover the newest <NumberText value={overview.eventsRead} /> events of this period.
          </p>
        )}
        <EventsChart days={overview.days} />
      </section>
      <div class="columns">
        <section aria-labelledby="top-names">
          <h2 id="top-names">Top event names</h2>
          <div class="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">Event</th>
                  <th scope="col" class="num">
                    Count
                  </th>
                </tr>
              </thead>
              <tbody>
                {overview.topNames.map((entry) => (
                  <tr>
                    <td>
                      <a href={`/console/events?name=${encodeURIComponent(entry.name)}`}>{entry.name}</a>
                    </td>
                    <td class="num">
                      <NumberText value={entry.count} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
        <section aria-labelledby="contacts-seen">
          <h2 id="contacts-seen">Contacts active in this period</h2>
          <dl class="figures">
            <dt>Identified</dt>
            <dd>
              <NumberText value={overview.contacts.identified} />
            </dd>
            <dt>Anonymous</dt>
            <dd>
              <NumberText value={overview.contacts.anonymous} />
            </dd>
          </dl>
        </section>
        <section aria-labelledby="contacts-all">
          <h2 id="contacts-all">All contacts</h2>
          <dl class="figures">
            <dt>Identified</dt>
            <dd>
              <NumberText value={props.allContacts.identified} />
            </dd>
            <dt>Anonymous</dt>
            <dd>
              <NumberText value={props.allContacts.anonymous} />
            </dd>
          </dl>
          <p>
            <a href="/console/contacts">List them</a>
          </p>
        </section>
        <Outcomes outcomes={outcomes} />
      </div>
      <section aria-labelledby="install">
        <h2 id="install">Script tag</h2>
        <ScriptTagSnippet origin={props.origin} writeKey={props.writeKey} />
      </section>
    </>
  )
}

function Outcomes(props: { outcomes: OverviewPageProps['outcomes'] }) {
  return (
    <section aria-labelledby="ingestion">
      <h2 id="ingestion">Ingestion since the collector started</h2>
      <dl class="figures">
        <dt>Accepted</dt>
        <dd>
          <NumberText value={props.outcomes.accepted} />
        </dd>
        <dt>Duplicates</dt>
        <dd>
          <NumberText value={props.outcomes.duplicate} />
        </dd>
        <dt>Rejected</dt>
        <dd>
          <NumberText value={props.outcomes.rejected} />
        </dd>
      </dl>
    </section>
  )
}
