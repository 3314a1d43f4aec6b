import type { ContactDetail } from '@sillage/protocol'
import type { ContactListPage } from '../../contacts/contact-list.js'
import { ContactListTable, EmptyState, TimeStamp } from '../components/index.js'
import { contactTitle } from './contact-title.js'

export interface ContactsPageProps {
  query: string
  /** What the search found. */
  contacts: ContactDetail[]
  /** Without a search: one page of every contact, and the cursor it was read from. */
  list?: ContactListPage & { cursor?: string }
  /** Names a contact that was just erased. */
  erased?: string
}

/**
 * Contacts: every contact, most recently active first, a page at a time; and a search box
 * for an email, a userId, an anonymousId or a contact id.
 *
 * @example
 * <ContactsPage query="alice@example.com" contacts={found} />
 * <ContactsPage query="" contacts={[]} list={page} />
 */
export function ContactsPage(props: ContactsPageProps) {
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
        <div class="table-scroll">
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
        </div>
      ) : props.query ? (
        <EmptyState title={`No contact matches “${props.query}”`}>
          <p>
            Emails are matched whole (case does not matter), ids exactly. To find a visitor by what they did, filter the{' '}
            <a href={`/console/events`}>event log</a> and follow its contact link.
          </p>
        </EmptyState>
      ) : props.list ? (
        <ContactList list={props.list} />
      ) : null}
    </>
  )
}

function ContactList(props: { list: ContactListPage & { cursor?: string } }) {
  const { list } = props
  if (list.contacts.length === 0) {
    return list.cursor ? (
      <EmptyState title="No more contacts">
        <p>
          <a href="/console/contacts">Back to the most recently active contacts</a>.
        </p>
      </EmptyState>
    ) : (
      <EmptyState title="No contacts yet">
        <p>
          A contact appears with its first event: paste the script tag from the <a href="/console">overview</a> into
          your site, or send events from your server to /v1/batch.
        </p>
      </EmptyState>
    )
  }
  return (
    <>
      <ContactListTable contacts={list.contacts} />
      <nav class="pager" aria-label="Pages">
        {list.cursor && <a href="/console/contacts">Most recently active</a>}
        {list.nextCursor && (
          <a href={`/console/contacts?cursor=${encodeURIComponent(list.nextCursor)}`} rel="next">
            Less recently active
          </a>
        )}
      </nav>
    </>
  )
}
