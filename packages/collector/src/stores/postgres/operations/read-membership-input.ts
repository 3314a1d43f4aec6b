import type { JsonObject } from '@sillage/protocol'
import type { MembershipContact, MembershipEvent, MembershipSummary } from '../../../segments/membership-input.js'
import type { PostgresHandle } from '../postgres-handle.js'

/**
 * A contact as segment conditions see it, with its stored events oldest first and its
 * per-name summaries; only those of `names` when given (what the segments at hand read).
 * Null when there is no such contact.
 *
 * @example
 * await readMembershipInput(handle, { contactId: 'c_1', names: ['order_completed'] }) // { contact, events, summaries }
 */
export async function readMembershipInput(
  { sql, pipeline }: PostgresHandle,
  { contactId, names }: { contactId: string; names?: readonly string[] },
): Promise<{ contact: MembershipContact; events: MembershipEvent[]; summaries: MembershipSummary[] } | null> {
  const [contact] = await pipeline.read(sql<Omit<MembershipContact, 'attributes'>[]>`
    SELECT id, email, user_id AS "userId" FROM contacts WHERE id = ${contactId}`)
  if (contact === undefined) return null
  const attributes = await pipeline.read(sql<{ key: string; value: JsonObject[string] }[]>`
    SELECT key, value FROM contact_attributes WHERE contact_id = ${contactId}`)
  const byName = (column: string) =>
    names === undefined ? sql`` : sql`AND ${sql(column)} = ANY(${[...names]}::text[])`
  const events = await pipeline.read(sql<{ id: string; name: string; timestamp: Date; properties: JsonObject }[]>`
    SELECT message_id AS id, name, timestamp, properties FROM events
    WHERE contact_id = ${contactId} ${byName('name')} ORDER BY timestamp, seq`)
  const summaries = await pipeline.read(sql<{ name: string; count: number; first: Date; last: Date }[]>`
    SELECT name, count, first, last FROM event_summaries WHERE contact_id = ${contactId} ${byName('name')}`)
  return {
    contact: { ...contact, attributes: Object.fromEntries(attributes.map(({ key, value }) => [key, value])) },
    events: events.map((event) => ({ ...event, timestamp: event.timestamp.toISOString() })),
    summaries: summaries.map((summary) => ({
      ...summary,
      first: summary.first.toISOString(),
      last: summary.last.toISOString(),
    })),
  }
}
