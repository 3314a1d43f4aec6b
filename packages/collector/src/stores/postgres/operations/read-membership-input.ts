import type { JsonObject } from '@sillage/protocol'
import type { MembershipContact, MembershipEvent } from '../../../segments/membership-input.js'
import type { PostgresHandle } from '../postgres-handle.js'

/**
 * A contact as segment conditions see it, with every stored event oldest first; null when
 * there is no such contact.
 *
 * @example
 * await readMembershipInput(handle, { contactId: 'c_1' }) // { contact: { id, email, userId, attributes }, events }
 */
export async function readMembershipInput(
  { sql, pipeline }: PostgresHandle,
  { contactId }: { contactId: string },
): Promise<{ contact: MembershipContact; events: MembershipEvent[] } | null> {
  const [contact] = await pipeline.read(sql<Omit<MembershipContact, 'attributes'>[]>`
    SELECT id, email, user_id AS "userId" FROM contacts WHERE id = ${contactId}`)
  if (contact === undefined) return null
  const attributes = await pipeline.read(sql<{ key: string; value: JsonObject[string] }[]>`
    SELECT key, value FROM contact_attributes WHERE contact_id = ${contactId}`)
  const events = await pipeline.read(sql<{ id: string; name: string; timestamp: Date; properties: JsonObject }[]>`
    SELECT message_id AS id, name, timestamp, properties FROM events
    WHERE contact_id = ${contactId} ORDER BY timestamp, seq`)
  return {
    contact: { ...contact, attributes: Object.fromEntries(attributes.map(({ key, value }) => [key, value])) },
    events: events.map((event) => ({ ...event, timestamp: event.timestamp.toISOString() })),
  }
}
