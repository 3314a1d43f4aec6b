import type { ContactDetail } from '@sillage/protocol'
import type { Store } from '../../stores/store.js'

/** No store can hold such an id (PostgreSQL refuses NUL in text), so don't ask one. */
export const isPossibleContactId = (id: string) => id.length > 0 && id.length <= 255 && !id.includes('\u0000')

/**
 * Contacts matching one typed value, whatever it is: a contact id, an email, a userId or
 * an anonymousId (an operator pastes what they have and should not have to say which).
 * Each contact once, in that order.
 *
 * @example
 * await findContactsByAny(store, 'alice@example.com') // [{ id: 'c_…', email: 'alice@example.com', … }]
 */
export async function findContactsByAny(
  store: Pick<Store, 'getContact' | 'findContacts'>,
  value: string,
): Promise<ContactDetail[]> {
  const text = value.trim()
  if (!isPossibleContactId(text)) return []
  const found = await Promise.all([
    store.getContact(text).then((contact) => (contact ? [contact] : [])),
    text.includes('@') ? store.findContacts({ email: text.toLowerCase() }) : Promise.resolve([]),
    store.findContacts({ userId: text }),
    store.findContacts({ anonymousId: text }),
  ])
  const byId = new Map<string, ContactDetail>()
  for (const contact of found.flat()) if (!byId.has(contact.id)) byId.set(contact.id, contact)
  return [...byId.values()]
}
