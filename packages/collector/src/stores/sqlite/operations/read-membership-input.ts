import type { Database } from 'better-sqlite3'
import type { MembershipContact, MembershipEvent, MembershipSummary } from '../../../segments/membership-input.js'
import { prepared } from '../prepared.js'

/**
 * A contact as segment conditions see it, with its stored events oldest first and its
 * per-name summaries; only those of `names` when given (what the segments at hand read).
 * Null when there is no such contact.
 *
 * @example
 * readMembershipInput(db, { contactId: 'c_1', names: ['order_completed'] }) // { contact, events, summaries }
 */
export function readMembershipInput(
  db: Database,
  { contactId, names }: { contactId: string; names?: readonly string[] },
): { contact: MembershipContact; events: MembershipEvent[]; summaries: MembershipSummary[] } | null {
  const contact = prepared<[string], Omit<MembershipContact, 'attributes'>>(
    db,
    'SELECT id, email, user_id AS userId FROM contacts WHERE id = ?',
  ).get(contactId)
  if (contact === undefined) return null
  const attributes = prepared<[string], { key: string; value: string }>(
    db,
    'SELECT key, value FROM contact_attributes WHERE contact_id = ?',
  ).all(contactId)
  const wanted = names === undefined ? null : JSON.stringify([...names])
  const events = prepared<[string, string | null, string | null], EventRow>(
    db,
    `SELECT message_id AS id, name, timestamp, properties FROM events
     WHERE contact_id = ? AND (? IS NULL OR name IN (SELECT value FROM json_each(?))) ORDER BY timestamp, seq`,
  ).all(contactId, wanted, wanted)
  const summaries = prepared<[string, string | null, string | null], MembershipSummary>(
    db,
    `SELECT name, count, first, last FROM event_summaries
     WHERE contact_id = ? AND (? IS NULL OR name IN (SELECT value FROM json_each(?)))`,
  ).all(contactId, wanted, wanted)
  return {
    contact: {
      ...contact,
      attributes: Object.fromEntries(attributes.map(({ key, value }) => [key, JSON.parse(value)])),
    },
    events: events.map((event) => ({ ...event, properties: JSON.parse(event.properties) })),
    summaries,
  }
}

interface EventRow {
  id: string
  name: string
  timestamp: string
  properties: string
}
