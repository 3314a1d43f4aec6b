import type { Database } from 'better-sqlite3'
import type { StoredMembershipInput } from '../../../segments/membership-input.js'
import { prepared } from '../prepared.js'

/**
 * `readMembershipInput` for a page of contacts at once (four statements, not four per
 * contact): the background computation schedules each contact's next re-check from it.
 * Contacts that do not exist are left out.
 *
 * @example
 * readMembershipInputs(db, { contactIds: ['c_1', 'c_2'], names: ['logged_in'] }) // [{ contact, events, summaries }, …]
 */
export function readMembershipInputs(
  db: Database,
  { contactIds, names }: { contactIds: readonly string[]; names: readonly string[] },
): StoredMembershipInput[] {
  const ids = JSON.stringify(contactIds)
  const wanted = JSON.stringify(names)
  const contacts = prepared<[string], { id: string; email: string | null; userId: string | null }>(
    db,
    'SELECT id, email, user_id AS userId FROM contacts WHERE id IN (SELECT value FROM json_each(?))',
  ).all(ids)
  const inputs = new Map<string, StoredMembershipInput>(
    contacts.map((contact) => [contact.id, { contact: { ...contact, attributes: {} }, events: [], summaries: [] }]),
  )
  const attributes = prepared<[string], { contactId: string; key: string; value: string }>(
    db,
    `SELECT contact_id AS contactId, key, value FROM contact_attributes
     WHERE contact_id IN (SELECT value FROM json_each(?))`,
  ).all(ids)
  for (const { contactId, key, value } of attributes) {
    const input = inputs.get(contactId)
    if (input !== undefined) input.contact.attributes[key] = JSON.parse(value)
  }
  const events = prepared<[string, string], EventRow>(
    db,
    `SELECT contact_id AS contactId, message_id AS id, name, timestamp, properties FROM events
     WHERE contact_id IN (SELECT value FROM json_each(?)) AND name IN (SELECT value FROM json_each(?))
     ORDER BY contact_id, timestamp, seq`,
  ).all(ids, wanted)
  for (const { contactId, properties, ...event } of events) {
    inputs.get(contactId)?.events.push({ ...event, properties: JSON.parse(properties) })
  }
  const summaries = prepared<[string, string], SummaryRow>(
    db,
    `SELECT contact_id AS contactId, name, count, first, last FROM event_summaries
     WHERE contact_id IN (SELECT value FROM json_each(?)) AND name IN (SELECT value FROM json_each(?))`,
  ).all(ids, wanted)
  for (const { contactId, ...summary } of summaries) inputs.get(contactId)?.summaries.push(summary)
  return [...inputs.values()]
}

interface EventRow {
  contactId: string
  id: string
  name: string
  timestamp: string
  properties: string
}

interface SummaryRow {
  contactId: string
  name: string
  count: number
  first: string
  last: string
}
