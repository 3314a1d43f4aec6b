import type { ContactDetail } from '@sillage/protocol'
import { NumberText } from '../components/index.js'
import { contactTitle } from './contact-title.js'

/**
 * The confirmation step before erasing a contact: what will be gone, and the one button
 * that does it (a POST, so no link, prefetch or crawler can erase anyone).
 *
 * @example
 * <EraseContactPage contact={contact} />
 */
export function EraseContactPage(props: { contact: ContactDetail }) {
  const { contact } = props
  const events = contact.summaries.reduce((sum, summary) => sum + summary.count, 0)
  const href = `/console/contacts/${encodeURIComponent(contact.id)}`
  return (
    <section>
      <h1>Erase {contactTitle(contact)}?</h1>
      <p>
        This deletes the contact, its identifiers, attributes and summaries, and its <NumberText value={events} />{' '}
        events, for good. It cannot be undone. <a href={`${href}/export.json`}>Export the contact</a> first if you need
        a copy.
      </p>
      <form method="post" action={`${href}/erase`} class="danger">
        <button type="submit">Erase this contact</button> <a href={href}>Cancel</a>
      </form>
    </section>
  )
}
