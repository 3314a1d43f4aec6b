import type { JsonObject } from '@sillage/protocol'
import type { StoredMembershipInput } from '../../../segments/membership-input.js'
import type { PostgresHandle } from '../postgres-handle.js'

/**
 * `readMembershipInput` for a page of contacts at once (four statements, not four per
 * contact): the background computation schedules each contact's next re-check from it.
 * Contacts that do not exist are left out.
 *
 * @example
 * await readMembershipInputs(handle, { contactIds: ['c_1', 'c_2'], names: ['logged_in'] })
 */
export async function readMembershipInputs(
  { sql, pipeline }: PostgresHandle,
  { contactIds, names }: { contactIds: readonly string[]; names: readonly string[] },
): Promise<StoredMembershipInput[]> {
  const ids = [...contactIds]
  const wanted = [...names]
  const contacts = await pipeline.read(sql<{ id: string; email: string | null; userId: string | null }[]>`
    SELECT id, email, user_id AS "userId" FROM contacts WHERE id = ANY(${ids}::text[])`)
  const inputs = new Map<string, StoredMembershipInput>(
    contacts.map((contact) => [contact.id, { contact: { ...contact, attributes: {} }, events: [], summaries: [] }]),
  )
  const attributes = await pipeline.read(sql<{ contactId: string; key: string; value: JsonObject[string] }[]>`
    SELECT contact_id AS "contactId", key, value FROM contact_attributes WHERE contact_id = ANY(${ids}::text[])`)
  for (const { contactId, key, value } of attributes) {
    const input = inputs.get(contactId)
    if (input !== undefined) input.contact.attributes[key] = value
  }
  const events = await pipeline.read(sql<
    { contactId: string; id: string; name: string; timestamp: Date; properties: JsonObject }[]
  >`
    SELECT contact_id AS "contactId", message_id AS id, name, timestamp, properties FROM events
    WHERE contact_id = ANY(${ids}::text[]) AND name = ANY(${wanted}::text[]) ORDER BY contact_id, timestamp, seq`)
  for (const { contactId, timestamp, ...event } of events) {
    inputs.get(contactId)?.events.push({ ...event, timestamp: timestamp.toISOString() })
  }
  const summaries = await pipeline.read(sql<
    { contactId: string; name: string; count: number; first: Date; last: Date }[]
  >`
    SELECT contact_id AS "contactId", name, count, first, last FROM event_summaries
    WHERE contact_id = ANY(${ids}::text[]) AND name = ANY(${wanted}::text[])`)
  for (const { contactId, first, last, ...summary } of summaries) {
    inputs.get(contactId)?.summaries.push({ ...summary, first: first.toISOString(), last: last.toISOString() })
  }
  return [...inputs.values()]
}
