import type { Contact } from '@sillage/protocol'

/**
 * How the console names a contact: its email, else its userId, else "Anonymous" and its id.
 *
 * @example
 * contactTitle({ email: null, userId: 'u_42', … }) // 'u_42'
 */
export function contactTitle(contact: Pick<Contact, 'id' | 'email' | 'userId'>): string {
  return contact.email ?? contact.userId ?? `Anonymous ${contact.id}`
}
