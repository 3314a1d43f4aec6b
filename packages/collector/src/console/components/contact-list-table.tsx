import type { ContactListItem } from '../../contacts/contact-list.js'
import { contactTitle } from '../pages/contact-title.js'
import { NumberText } from './number-text.js'
import { TimeStamp } from './time-stamp.js'

/**
 * The contacts list as a table: who, how many events, when last seen, newest activity first.
 *
 * @example
 * <ContactListTable contacts={page.contacts} />
 */
export function ContactListTable(props: { contacts: ContactListItem[] }) {
  return (
    <table class="contacts">
      <caption>Contacts, most recently active first</caption>
      <thead>
        <tr>
          <th scope="col">Contact</th>
          <th scope="col">Email</th>
          <th scope="col">userId</th>
          <th scope="col">Events</th>
          <th scope="col">Last seen</th>
        </tr>
      </thead>
      <tbody>
        {props.contacts.map((contact) => (
          <tr data-contact-row>
            <td>
              <a href={`/console/contacts/${encodeURIComponent(contact.id)}`}>{listTitle(contact)}</a>
            </td>
            <td>{contact.email ?? '—'}</td>
            <td>{contact.userId ?? '—'}</td>
            <td class="num">
              <NumberText value={contact.eventCount} />
            </td>
            <td>{contact.lastSeen ? <TimeStamp iso={contact.lastSeen} /> : 'never'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** An anonymous contact is named by its device, which is what an operator has at hand. */
const listTitle = (contact: ContactListItem) =>
  contact.email ?? contact.userId ?? (contact.anonymousId ? `Anonymous ${contact.anonymousId}` : contactTitle(contact))
