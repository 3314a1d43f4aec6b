import type { ContactDetail } from '@sillage/protocol'
import type { Change } from '../../events/change.js'
import type { MembershipExplanation } from '../../segments/evaluate-condition.js'
import type { SegmentWithSize } from '../../segments/stored-segment.js'
import { EmptyState, TimeStamp } from '../components/index.js'
import { conditionAt, conditionLine } from '../components/condition-at.js'
import { ConditionEvidence } from '../components/condition-evidence.js'
import { ExplainForm } from '../components/explain-form.js'
import { contactTitle } from './contact-title.js'

export interface SegmentExplainPageProps {
  segment: SegmentWithSize
  /** What was typed into the form. */
  query: string
  /** The contacts the typed value names; one to explain, several to choose from, none. */
  contacts: ContactDetail[]
  /** The explanation for `contacts[0]` when there is exactly one. */
  explanation?: MembershipExplanation
  /** When the stored membership began, or null: not a stored member. */
  enteredAt?: string | null
  /** The contact's latest entries into and exits from this segment, newest first. */
  history?: Change[]
}

/**
 * The answer to "why is (or isn't) this contact in the segment?": the verdict, then every
 * condition of the definition, outermost first, with whether it holds and the evidence
 * that decided (counts, first and last times, events, attribute values).
 *
 * @example
 * <SegmentExplainPage segment={segment} query="ada@example.com" contacts={[ada]} explanation={why} />
 */
export function SegmentExplainPage(props: SegmentExplainPageProps) {
  const { segment, contacts } = props
  const segmentHref = `/console/segments/${encodeURIComponent(segment.id)}`
  return (
    <>
      <h1>Explain {segment.name}</h1>
      <p>
        <a href={segmentHref}>Back to {segment.name}</a>
      </p>
      <ExplainForm segmentId={segment.id} value={props.query} />
      {props.query === '' ? (
        <p class="help">Type the contact to explain, and press Explain.</p>
      ) : contacts.length === 0 ? (
        <EmptyState title={`No contact matches “${props.query}”`}>
          <p>Type a contact id, an email (case does not matter) or a userId exactly as it was sent.</p>
        </EmptyState>
      ) : contacts.length > 1 ? (
        <section aria-labelledby="choose">
          <h2 id="choose">Several contacts match “{props.query}”: which one?</h2>
          <ul>
            {contacts.map((contact) => (
              <li>
                <a href={`${segmentHref}/explain?contact=${encodeURIComponent(contact.id)}`}>
                  {contactTitle(contact)} ({contact.id})
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        props.explanation && <Explanation {...props} contact={contacts[0]!} explanation={props.explanation} />
      )}
    </>
  )
}

function Explanation(props: SegmentExplainPageProps & { contact: ContactDetail; explanation: MembershipExplanation }) {
  const { segment, contact, explanation } = props
  const name = contactTitle(contact)
  const contactHref = `/console/contacts/${encodeURIComponent(contact.id)}`
  return (
    <section aria-labelledby="verdict">
      <h2 id="verdict">
        <a href={contactHref}>{name}</a> {explanation.member ? 'is in' : 'is not in'} {segment.name}
      </h2>
      <p>
        {explanation.member
          ? 'Every condition the segment needs holds now.'
          : 'The conditions marked “does not hold” keep this contact out.'}{' '}
        {props.enteredAt
          ? 'Stored membership: member since '
          : 'Stored membership: not a member' + (segment.status === 'computing' ? ' (still computing).' : '.')}
        {props.enteredAt && <TimeStamp iso={props.enteredAt} />}
      </p>
      <h3 id="conditions">Each condition, outermost first, with the evidence that decided</h3>
      <ol class="explanation" aria-labelledby="conditions">
        {explanation.conditions.map((condition) => {
          const depth = condition.path.split('.').filter((step) => /^(all|any|not)$/.test(step)).length
          const at = conditionAt(segment.match, condition.path)
          const eventName = at && 'event' in at ? at.event : undefined
          return (
            <li data-condition-row class={`${condition.holds ? 'holds' : 'fails'} depth-${Math.min(depth, 4)}`}>
              <p class="result">
                <strong>{condition.holds ? '✓ holds' : '✗ does not hold'}</strong>{' '}
                <code class="path">{condition.path}</code>
              </p>
              <code class="condition-line">{conditionLine(at)}</code>
              <ConditionEvidence evidence={condition.evidence} />
              {eventName !== undefined && (
                <a href={`/console/events?${new URLSearchParams({ name: eventName, contact: contact.id })}`}>
                  Their {eventName} events
                </a>
              )}
            </li>
          )
        })}
      </ol>
      <h3>Entries and exits</h3>
      {props.history && props.history.length > 0 ? (
        <ul class="history">
          {props.history.map((change) => (
            <li>
              {change.type === 'segment.entered' ? 'Entered' : 'Exited'} <TimeStamp iso={change.at} />
            </li>
          ))}
        </ul>
      ) : (
        <p>No entry or exit recorded among this contact's latest changes.</p>
      )}
    </section>
  )
}
