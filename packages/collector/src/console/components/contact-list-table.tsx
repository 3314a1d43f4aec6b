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
    <div class="table-scroll">
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
              <td data-label="Email">{contact.email ?? '—'}</td>
              <td data-label="userId">{contact.userId ?? '—'}</td>
              <td class="num" data-label="Events">
                <NumberText value={contact.eventCount} />
              </td>
              <td data-label="Last seen">{contact.lastSeen ? <TimeStamp iso={contact.lastSeen} /> : 'never'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** An anonymous contact is named by its device, which is what an operator has at hand. */
const listTitle = (contact: ContactListItem) =>
  contact.email ?? contact.userId ?? (contact.anonymousId ? `Anonymous ${contact.anonymousId}` : contactTitle(contact))
