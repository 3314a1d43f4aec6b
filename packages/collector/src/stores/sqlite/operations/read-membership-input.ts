import type { Database } from 'better-sqlite3'
import type { MembershipContact, MembershipEvent } from '../../../segments/membership-input.js'
import { prepared } from '../prepared.js'

/**
 * A contact as segment conditions see it, with every stored event oldest first; null when
 * there is no such contact.
 *
 * @example
 * readMembershipInput(db, { contactId: 'c_1' }) // { contact: { id, email, userId, attributes }, events }
 */
export function readMembershipInput(
  db: Database,
  { contactId }: { contactId: string },
): { contact: MembershipContact; events: MembershipEvent[] } | null {
  const contact = prepared<[string], Omit<MembershipContact, 'attributes'>>(
    db,
    'SELECT id, email, user_id AS userId FROM contacts WHERE id = ?',
  ).get(contactId)
  if (contact === undefined) return null
  const attributes = prepared<[string], { key: string; value: string }>(
    db,
    'SELECT key, value FROM contact_attributes WHERE contact_id = ?',
  ).all(contactId)
  const events = prepared<[string], { id: string; name: string; timestamp: string; properties: string }>(
    db,
    'SELECT message_id AS id, name, timestamp, properties FROM events WHERE contact_id = ? ORDER BY timestamp, seq',
  ).all(contactId)
  return {
    contact: {
      ...contact,
      attributes: Object.fromEntries(attributes.map(({ key, value }) => [key, JSON.parse(value)])),
    },
    events: events.map((event) => ({ ...event, properties: JSON.parse(event.properties) })),
  }
}
