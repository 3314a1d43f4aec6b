import type { ContactDetail } from '@sillage/protocol'
import { EmptyState, TimeStamp } from '../components/index.js'
import { contactTitle } from './contact-title.js'

/**
 * Contact search: one box for an email, a userId, an anonymousId or a contact id.
 * `erased` names a contact that was just erased.
 *
 * @example
 * <ContactsPage query="alice@example.com" contacts={found} />
 */
export function ContactsPage(props: { query: string; contacts: ContactDetail[]; erased?: string }) {
  return (
    <>
      <h1>Contacts</h1>
      {props.erased && (
        <p class="notice" role="status">
          Erased {props.erased}, with its identifiers, summaries and events.
        </p>
      )}
      <form method="get" action="/console/contacts" role="search" aria-label="Find contacts" class="filters">
        <div>
          <label for="q">Email, userId, anonymousId or contact id</label>
          <input id="q" name="q" type="search" value={props.query} required data-focus-key />
        </div>
        <div class="actions">
          <button type="submit">Search</button>
        </div>
      </form>
      {props.contacts.length > 0 ? (
        <table>
          <caption>Contacts matching “{props.query}”</caption>
          <thead>
            <tr>
              <th scope="col">Contact</th>
              <th scope="col">Email</th>
              <th scope="col">userId</th>
              <th scope="col">Devices</th>
              <th scope="col">Last updated</th>
            </tr>
          </thead>
          <tbody>
            {props.contacts.map((contact) => (
              <tr>
                <td>
                  <a href={`/console/contacts/${encodeURIComponent(contact.id)}`}>{contactTitle(contact)}</a>
                </td>
                <td>{contact.email ?? '—'}</td>
                <td>{contact.userId ?? '—'}</td>
                <td class="num">{contact.anonymousIds.length}</td>
                <td>
                  <TimeStamp iso={contact.updatedAt} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : props.query ? (
        <EmptyState title={`No contact matches “${props.query}”`}>
          <p>
            Emails are matched whole (case does not matter), ids exactly. To find a visitor by what they did,
            filter the{' '}
            <a href={`/console/events`}>event log</a> and follow its contact link.
          </p>
        </EmptyState>
      ) : (
        <EmptyState title="Find a contact">
          <p>
            Type an email, a userId or an anonymousId above, or open a contact from the <a href="/console/events">event
            log</a>.
          </p>
        </EmptyState>
      )}
    </>
  )
}
