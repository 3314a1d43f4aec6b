import { randomUUID } from 'node:crypto'
import type { JsonObject } from '@sillage/protocol'
import type { TransactionSql } from 'postgres'
import type { ContactKeys, EventToStore, IdentifierKind, IdentityTransaction, SummaryBump } from '../../identity/identity-transaction.js'

/**
 * The identity operations as SQL inside one PostgreSQL transaction (READ COMMITTED).
 * Several collectors may work on the same people at once, so every contact the rules
 * look at is locked (`FOR UPDATE`) until commit: a second transaction waits, then sees
 * the first one's outcome. What locks cannot cover (two transactions creating the same
 * new identity) the UNIQUE constraints refuse, and the store retries the whole batch.
 */
export class PostgresTransaction implements IdentityTransaction {
  constructor(private readonly sql: TransactionSql) {}

  async storedMessageIds(source: string, messageIds: readonly string[]): Promise<ReadonlySet<string>> {
    const ids = this.texts(messageIds)
    const rows = await this.sql<{ messageId: string }[]>`
      SELECT message_id AS "messageId" FROM events WHERE source = ${source} AND message_id = ANY(${ids})
      UNION SELECT message_id FROM erased_messages WHERE source = ${source} AND message_id = ANY(${ids})`
    return new Set(rows.map((row) => row.messageId))
  }

  async findContact(kind: IdentifierKind, value: string): Promise<ContactKeys | null> {
    const sql = this.sql
    if (kind !== 'anonymousId') {
      const [contact] = await sql<ContactKeys[]>`
        SELECT id, user_id AS "userId", email FROM contacts WHERE ${sql(kind === 'userId' ? 'user_id' : 'email')} = ${value} FOR UPDATE`
      return contact ?? null
    }
    const found = await this.findDevice(value)
    if (found) return found
    // A device nobody holds yet locks no row, and linking it is an upsert (a device may move
    // to a new person), so two transactions meeting a new device would each create a contact
    // and the second would silently take the device, orphaning the first one's events. Take
    // a lock on the id itself, held until commit, then look again: the second transaction
    // waits here and finds the first one's contact.
    await sql`SELECT pg_advisory_xact_lock(hashtextextended('sillage anonymousId ' || ${value}, 0))`
    return this.findDevice(value)
  }

  private async findDevice(anonymousId: string): Promise<ContactKeys | null> {
    const [contact] = await this.sql<ContactKeys[]>`
      SELECT c.id, c.user_id AS "userId", c.email FROM anonymous_ids a JOIN contacts c ON c.id = a.contact_id
      WHERE a.anonymous_id = ${anonymousId} FOR UPDATE`
    return contact ?? null
  }

  async createContact(at: string): Promise<ContactKeys> {
    const id = randomUUID()
    await this.sql`INSERT INTO contacts (id, created_at, updated_at) VALUES (${id}, ${at}, ${at})`
    return { id, userId: null, email: null }
  }

  async attachIdentifier(contactId: string, kind: IdentifierKind, value: string, at: string): Promise<void> {
    const sql = this.sql
    if (kind === 'anonymousId') {
      await sql`
        INSERT INTO anonymous_ids (anonymous_id, contact_id, linked_at) VALUES (${value}, ${contactId}, ${at})
        ON CONFLICT (anonymous_id) DO UPDATE SET contact_id = excluded.contact_id, linked_at = excluded.linked_at`
      await sql`UPDATE contacts SET updated_at = ${at} WHERE id = ${contactId}`
    } else {
      await sql`UPDATE contacts SET ${sql(kind === 'userId' ? 'user_id' : 'email')} = ${value}, updated_at = ${at} WHERE id = ${contactId}`
    }
  }

  async mergeContacts(fromId: string, intoId: string, at: string): Promise<void> {
    const sql = this.sql
    const [from] = await sql<{ userId: string | null; email: string | null; createdAt: Date }[]>`
      SELECT user_id AS "userId", email, created_at AS "createdAt" FROM contacts WHERE id = ${fromId} FOR UPDATE`
    if (from === undefined) throw new Error(`PostgreSQL store: no contact ${fromId} to merge (identity rules referenced a deleted contact)`)
    await sql`UPDATE events SET contact_id = ${intoId} WHERE contact_id = ${fromId}`
    await sql`UPDATE anonymous_ids SET contact_id = ${intoId} WHERE contact_id = ${fromId}`
    await sql`
      INSERT INTO event_summaries (contact_id, name, count, first, last)
      SELECT ${intoId}, name, count, first, last FROM event_summaries WHERE contact_id = ${fromId}
      ON CONFLICT (contact_id, name) DO UPDATE SET count = event_summaries.count + excluded.count,
        first = least(event_summaries.first, excluded.first), last = greatest(event_summaries.last, excluded.last)`
    await sql`DELETE FROM event_summaries WHERE contact_id = ${fromId}`
    await sql`
      INSERT INTO contact_attributes (contact_id, key, value, updated_at)
      SELECT ${intoId}, key, value, updated_at FROM contact_attributes WHERE contact_id = ${fromId}
      ON CONFLICT (contact_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
      WHERE excluded.updated_at >= contact_attributes.updated_at`
    await sql`DELETE FROM contact_attributes WHERE contact_id = ${fromId}`
    // The survivor takes the userId/email it lacks; release them first, they are UNIQUE.
    await sql`UPDATE contacts SET user_id = NULL, email = NULL WHERE id = ${fromId}`
    await sql`
      UPDATE contacts SET user_id = coalesce(user_id, ${from.userId}), email = coalesce(email, ${from.email}),
        created_at = least(created_at, ${from.createdAt}), updated_at = ${at} WHERE id = ${intoId}`
    await sql`UPDATE contact_merges SET into_id = ${intoId} WHERE into_id = ${fromId}`
    await sql`INSERT INTO contact_merges (merged_id, into_id, merged_at) VALUES (${fromId}, ${intoId}, ${at})`
    await sql`DELETE FROM contacts WHERE id = ${fromId}`
  }

  /** One statement for the whole batch: `unnest` turns one array per column into rows, in order. */
  async insertEvents(events: readonly EventToStore[]): Promise<void> {
    const column = <T>(pick: (row: EventToStore) => T) => this.texts(events.map(pick) as (string | null)[])
    await this.sql`
      INSERT INTO events (source, message_id, contact_id, type, name, anonymous_id, user_id, email, properties, context,
        timestamp, original_timestamp, sent_at, received_at, identity)
      SELECT source, message_id, contact_id, type, name, anonymous_id, user_id, email, properties::json, context::json,
        timestamp::timestamptz, original_timestamp::timestamptz, sent_at::timestamptz, received_at::timestamptz, identity
      FROM unnest(
        ${column((r) => r.event.source)}::text[], ${column((r) => r.event.messageId)}::text[], ${column((r) => r.contactId)}::text[],
        ${column((r) => r.event.type)}::text[], ${column((r) => r.event.name)}::text[], ${column((r) => r.event.anonymousId)}::text[],
        ${column((r) => r.event.userId)}::text[], ${column((r) => r.event.email)}::text[],
        ${column((r) => JSON.stringify(r.event.properties))}::text[], ${column((r) => JSON.stringify(r.event.context))}::text[],
        ${column((r) => r.event.timestamp)}::text[], ${column((r) => r.event.originalTimestamp)}::text[],
        ${column((r) => r.event.sentAt)}::text[], ${column((r) => r.event.receivedAt)}::text[], ${column((r) => r.event.identity)}::text[]
      ) WITH ORDINALITY AS batch (source, message_id, contact_id, type, name, anonymous_id, user_id, email, properties, context,
        timestamp, original_timestamp, sent_at, received_at, identity, position)
      ORDER BY position`
  }

  async bumpSummaries(bumps: readonly SummaryBump[]): Promise<void> {
    await this.sql`
      INSERT INTO event_summaries (contact_id, name, count, first, last)
      SELECT * FROM unnest(
        ${this.texts(bumps.map((b) => b.contactId))}::text[], ${this.texts(bumps.map((b) => b.name))}::text[],
        ${this.sql.array(bumps.map((b) => b.count), 23)}::integer[],
        ${this.texts(bumps.map((b) => b.first))}::timestamptz[], ${this.texts(bumps.map((b) => b.last))}::timestamptz[])
      ON CONFLICT (contact_id, name) DO UPDATE SET count = event_summaries.count + excluded.count,
        first = least(event_summaries.first, excluded.first), last = greatest(event_summaries.last, excluded.last)`
  }

  /** A text[] parameter (oid 25), whatever the first element looks like. */
  private texts(values: readonly (string | null)[]) {
    return this.sql.array(values as string[], 25)
  }

  // JSON text, declared text and only then cast: the driver's json helper sends jsonb,
  // which refuses "\u0000" although json columns keep it, and a parameter the server
  // types as json would be JSON-encoded a second time by the driver.
  async setAttributes(contactId: string, attributes: JsonObject, timestamp: string): Promise<void> {
    for (const [key, value] of Object.entries(attributes)) {
      await this.sql`
        INSERT INTO contact_attributes (contact_id, key, value, updated_at) VALUES (${contactId}, ${key}, ${JSON.stringify(value)}::text::json, ${timestamp})
        ON CONFLICT (contact_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
        WHERE excluded.updated_at >= contact_attributes.updated_at`
    }
  }
}
