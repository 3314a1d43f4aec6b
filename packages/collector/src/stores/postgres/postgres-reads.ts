import type { ContactDetail, EventPage, EventType, IdentityStatus, JsonObject, StoredEvent } from '@sillage/protocol'
import type { Sql } from 'postgres'
import { decodeEventCursor, encodeEventCursor } from '../event-cursor.js'
import { toIsoInstant } from '../iso-instant.js'
import type { ContactLookup, EventQuery } from '../store.js'

interface EventRow {
  seq: string
  messageId: string
  type: EventType
  name: string
  contactId: string
  anonymousId: string | null
  userId: string | null
  email: string | null
  properties: JsonObject
  context: JsonObject
  timestamp: Date
  originalTimestamp: Date
  sentAt: Date | null
  receivedAt: Date
  identity: IdentityStatus
}

/** The read side of the PostgreSQL store: plain queries on the pool, committed data only. */
export class PostgresReads {
  constructor(private readonly sql: Sql) {}

  /** The id a contact has today: itself, or the survivor it was merged into. */
  async resolveContactId(id: string): Promise<string> {
    const [row] = await this.sql<
      { id: string }[]
    >`SELECT coalesce((SELECT into_id FROM contact_merges WHERE merged_id = ${id}), ${id}) AS id`
    return row!.id
  }

  async listEvents(query: EventQuery): Promise<EventPage> {
    const sql = this.sql
    const conditions = [sql`TRUE`]
    if (query.contactId !== undefined)
      conditions.push(sql`contact_id = ${await this.resolveContactId(query.contactId)}`)
    if (query.name !== undefined) conditions.push(sql`name = ${query.name}`)
    if (query.type !== undefined) conditions.push(sql`type = ${query.type}`)
    if (query.since !== undefined) conditions.push(sql`timestamp >= ${toIsoInstant(query.since)}::timestamptz`)
    if (query.until !== undefined) conditions.push(sql`timestamp < ${toIsoInstant(query.until)}::timestamptz`)
    if (query.cursor !== undefined) {
      const after = decodeEventCursor(query.cursor)
      conditions.push(sql`(timestamp, seq) < (${after.timestamp}::timestamptz, ${after.seq}::bigint)`)
    }
    const where = conditions.reduce((all, condition) => sql`${all} AND ${condition}`)
    const rows = await sql<EventRow[]>`
      SELECT seq, message_id AS "messageId", type, name, contact_id AS "contactId", anonymous_id AS "anonymousId",
        user_id AS "userId", email, properties, context, timestamp, original_timestamp AS "originalTimestamp",
        sent_at AS "sentAt", received_at AS "receivedAt", identity
      FROM events WHERE ${where} ORDER BY timestamp DESC, seq DESC LIMIT ${query.limit + 1}`
    const page = rows.slice(0, query.limit).map(toStoredEvent)
    const last = rows[query.limit - 1]
    const nextCursor =
      rows.length > query.limit && last !== undefined
        ? encodeEventCursor({ timestamp: last.timestamp.toISOString(), seq: Number(last.seq) })
        : null
    return { events: page, nextCursor }
  }

  async getContact(id: string): Promise<ContactDetail | null> {
    const sql = this.sql
    const [contact] = await sql<
      { id: string; userId: string | null; email: string | null; createdAt: Date; updatedAt: Date }[]
    >`
      SELECT id, user_id AS "userId", email, created_at AS "createdAt", updated_at AS "updatedAt"
      FROM contacts WHERE id = ${await this.resolveContactId(id)}`
    if (contact === undefined) return null
    const [anonymousIds, attributes, mergedFrom, summaries] = await Promise.all([
      sql<
        { anonymousId: string }[]
      >`SELECT anonymous_id AS "anonymousId" FROM anonymous_ids WHERE contact_id = ${contact.id} ORDER BY anonymous_id`,
      sql<
        { key: string; value: unknown }[]
      >`SELECT key, value FROM contact_attributes WHERE contact_id = ${contact.id} ORDER BY key`,
      sql<
        { mergedId: string }[]
      >`SELECT merged_id AS "mergedId" FROM contact_merges WHERE into_id = ${contact.id} ORDER BY merged_id`,
      sql<{ name: string; count: number; first: Date; last: Date }[]>`
        SELECT name, count, first, last FROM event_summaries WHERE contact_id = ${contact.id} ORDER BY name`,
    ])
    return {
      ...contact,
      createdAt: contact.createdAt.toISOString(),
      updatedAt: contact.updatedAt.toISOString(),
      anonymousIds: anonymousIds.map((row) => row.anonymousId),
      attributes: Object.fromEntries(attributes.map(({ key, value }) => [key, value])),
      mergedFrom: mergedFrom.map((row) => row.mergedId),
      summaries: summaries.map(({ first, last, ...summary }) => ({
        ...summary,
        first: first.toISOString(),
        last: last.toISOString(),
      })),
    }
  }

  async findContacts(lookup: ContactLookup): Promise<ContactDetail[]> {
    const sql = this.sql
    const [row] =
      'email' in lookup
        ? await sql<{ id: string }[]>`SELECT id FROM contacts WHERE email = ${lookup.email.trim().toLowerCase()}`
        : 'userId' in lookup
          ? await sql<{ id: string }[]>`SELECT id FROM contacts WHERE user_id = ${lookup.userId}`
          : await sql<
              { id: string }[]
            >`SELECT contact_id AS id FROM anonymous_ids WHERE anonymous_id = ${lookup.anonymousId}`
    const contact = row === undefined ? null : await this.getContact(row.id)
    return contact === null ? [] : [contact]
  }
}

function toStoredEvent({ seq: _seq, timestamp, originalTimestamp, sentAt, receivedAt, ...row }: EventRow): StoredEvent {
  return {
    ...row,
    timestamp: timestamp.toISOString(),
    originalTimestamp: originalTimestamp.toISOString(),
    sentAt: sentAt === null ? null : sentAt.toISOString(),
    receivedAt: receivedAt.toISOString(),
  }
}
