import type { SegmentMembersPage } from '../../segments/segment-members-page.js'
import type { SegmentWithSize } from '../../segments/stored-segment.js'
import { EmptyState, NumberText, TimeStamp } from '../components/index.js'
import { ExplainForm } from '../components/explain-form.js'
import { SegmentStatus } from '../components/segment-status.js'

export interface SegmentPageProps {
  segment: SegmentWithSize
  /** One page of members, in contact-id order, and the cursor it was read from. */
  members: SegmentMembersPage & { cursor?: string }
  /** Set right after a save: the computation has just started. */
  saved?: boolean
}

/**
 * A segment: its definition, computation status, member count, the members a page at a
 * time (each linking to the contact) with when they entered, and the explain form.
 *
 * @example
 * <SegmentPage segment={segment} members={await segmentMembersPage(store, { segmentId, limit: 50 })} />
 */
export function SegmentPage(props: SegmentPageProps) {
  const { segment, members } = props
  const href = `/console/segments/${encodeURIComponent(segment.id)}`
  return (
    <>
      <h1>{segment.name}</h1>
      {props.saved && (
        <p class="notice" role="status">
          Saved. Its members are computed over every stored event in the background; new events keep them current.
        </p>
      )}
      <p class="actions">
        <a href={`${href}/edit`}>Edit</a> · <a href={`${href}/delete`}>Delete…</a>
      </p>
      <div class="columns">
        <section aria-labelledby="about">
          <h2 id="about">About</h2>
          <dl class="facts">
            <dt>Description</dt>
            <dd>{segment.description || '—'}</dd>
            <dt>Members</dt>
            <dd>
              <NumberText value={segment.size} />
            </dd>
            <dt>Status</dt>
            <dd>
              <SegmentStatus segment={segment} />
            </dd>
            <dt>Computed</dt>
            <dd>{segment.computedAt ? <TimeStamp iso={segment.computedAt} /> : 'not yet'}</dd>
            <dt>Created</dt>
            <dd>
              <TimeStamp iso={segment.createdAt} />
            </dd>
            <dt>Updated</dt>
            <dd>
              <TimeStamp iso={segment.updatedAt} />
            </dd>
            <dt>Segment id</dt>
            <dd>
              <code>{segment.id}</code>
            </dd>
          </dl>
        </section>
        <section aria-labelledby="condition">
          <h2 id="condition">Condition</h2>
          <pre class="condition" tabindex={0} aria-label="Condition as JSON">
            <code>{JSON.stringify(segment.match, null, 2)}</code>
          </pre>
        </section>
      </div>
      <section aria-labelledby="explain">
        <h2 id="explain">Why is a contact in or out?</h2>
        <ExplainForm segmentId={segment.id} />
      </section>
      <section aria-labelledby="members">
        <h2 id="members">Members</h2>
        {segment.status === 'computing' && (
          <p class="help">Still computing: the list is partial until the computation is done. Reload to see more.</p>
        )}
        {members.contacts.length > 0 ? (
          <div class="table-scroll">
            <table class="members">
              <caption>Members, by contact id</caption>
              <thead>
                <tr>
                  <th scope="col">Contact</th>
                  <th scope="col">Email</th>
                  <th scope="col">userId</th>
                  <th scope="col">Entered</th>
                </tr>
              </thead>
              <tbody>
                {members.contacts.map((member) => (
                  <tr data-member-row>
                    <td>
                      <a href={`/console/contacts/${encodeURIComponent(member.id)}`}>
                        {member.email ?? member.userId ?? member.id}
                      </a>
                    </td>
                    <td>{member.email ?? '—'}</td>
                    <td>{member.userId ?? '—'}</td>
                    <td>
                      <TimeStamp iso={member.enteredAt} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : members.cursor ? (
          <EmptyState title="No more members">
            <p>
              <a href={href}>Back to the first members</a>.
            </p>
          </EmptyState>
        ) : (
          <EmptyState title="No members yet">
            <p>
              No contact matches the condition{segment.status === 'computing' ? ' so far' : ''}. Ask why for one contact
              with the form above, or <a href={`${href}/edit`}>edit the condition</a>.
            </p>
          </EmptyState>
        )}
        <nav class="pager" aria-label="Member pages">
          {members.cursor && <a href={href}>First members</a>}
          {members.nextCursor && (
            <a href={`${href}?cursor=${encodeURIComponent(members.nextCursor)}`} rel="next">
              More members
            </a>
          )}
        </nav>
      </section>
    </>
  )
}
