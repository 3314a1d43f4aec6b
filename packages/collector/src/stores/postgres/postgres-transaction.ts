import type { JsonObject } from '@sillage/protocol'
import type { TransactionSql } from 'postgres'
import type { ContactKeys, EventToStore, IdentifierKind, IdentityTransaction, SummaryBump } from '../../identity/identity-transaction.js'
import { bumpSummaries, insertEvents } from './event-write-statements.js'
import { StatementPipeline } from './statement-pipeline.js'
import { newContactId } from '../../identity/new-contact-id.js'

const done = Promise.resolve()

/**
 * The identity operations as SQL inside one PostgreSQL transaction (READ COMMITTED).
 * Several collectors may work on the same people at once, so every contact the rules
 * look at is locked (`FOR UPDATE`) until commit: a second transaction waits, then sees
 * the first one's outcome. What locks cannot cover (two transactions creating the same
 * new identity) the UNIQUE constraints refuse, and the store retries the whole batch.
 *
 * Writes answer nothing the rules need, so they are sent without waiting (see
 * `StatementPipeline`): they travel with the next lookup, and the last ones with
 * `settle()`, which the store awaits before it commits. A new device's batch takes four
 * round trips (dedupe, device lookup, lock and look again, writes) instead of nine.
 *
 * @example
 * const tx = new PostgresTransaction(sql)
 * const result = await ingestEvents(tx, events)
 * await tx.settle()
 */
export class PostgresTransaction implements IdentityTransaction {
  private readonly pipeline = new StatementPipeline()

  constructor(private readonly sql: TransactionSql) {}

  /** Waits for the writes still unanswered; throws the first failure. Call before commit. */
  settle(): Promise<void> {
    return this.pipeline.settle()
  }

  // One unique-key lookup per id, whatever the statistics say. `message_id = ANY($ids)`
  // let a prepared statement keep the plan it got while `events` was new and never analysed
  // ("source = $1 looks selective"): read every event of the source and filter, a cost
  // that grew with the table (2,750 index entries read per request after 5 s of bench).
  // OFFSET 0 keeps each EXISTS a per-id subplan: PostgreSQL neither hashes it nor turns
  // it into a join that could choose a scan.
  async storedMessageIds(source: string, messageIds: readonly string[]): Promise<ReadonlySet<string>> {
    const sql = this.sql
    const rows = await this.pipeline.read(sql<{ messageId: string }[]>`
      SELECT id AS "messageId" FROM unnest(${sql.array(messageIds as string[], 25)}::text[]) AS batch (id)
      WHERE EXISTS (SELECT FROM events WHERE source = ${source} AND message_id = batch.id OFFSET 0)
        OR EXISTS (SELECT FROM erased_messages WHERE source = ${source} AND message_id = batch.id OFFSET 0)`)
    return new Set(rows.map((row) => row.messageId))
  }

  async findContact(kind: IdentifierKind, value: string): Promise<ContactKeys | null> {
    const sql = this.sql
    if (kind !== 'anonymousId') {
      const [contact] = await this.pipeline.read(sql<ContactKeys[]>`
        SELECT id, user_id AS "userId", email FROM contacts WHERE ${sql(kind === 'userId' ? 'user_id' : 'email')} = ${value} FOR UPDATE`)
      return contact ?? null
    }
    const found = await this.findDevice(value)
    if (found) return found
    // A device nobody holds yet locks no row, and linking it is an upsert (a device may move
    // to a new person), so two transactions meeting a new device would each create a contact
    // and the second would silently take the device, orphaning the first one's events. Take
    // a lock on the id itself, held until commit, then look again: the second transaction
    // waits here and finds the first one's contact. Two statements, so the second looks with
    // a snapshot taken after the wait; sent together, so one round trip.
    this.pipeline.send(sql`SELECT pg_advisory_xact_lock(hashtextextended('sillage anonymousId ' || ${value}, 0))`)
    return this.findDevice(value)
  }

  private async findDevice(anonymousId: string): Promise<ContactKeys | null> {
    const [contact] = await this.pipeline.read(this.sql<ContactKeys[]>`
      SELECT c.id, c.user_id AS "userId", c.email FROM anonymous_ids a JOIN contacts c ON c.id = a.contact_id
      WHERE a.anonymous_id = ${anonymousId} FOR UPDATE`)
    return contact ?? null
  }

  async createContact(at: string): Promise<ContactKeys> {
    const id = newContactId()
    this.pipeline.send(this.sql`INSERT INTO contacts (id, created_at, updated_at) VALUES (${id}, ${at}, ${at})`)
    return { id, userId: null, email: null }
  }

  attachIdentifier(contactId: string, kind: IdentifierKind, value: string, at: string): Promise<void> {
    const sql = this.sql
    if (kind === 'anonymousId') {
      this.pipeline.send(sql`
        INSERT INTO anonymous_ids (anonymous_id, contact_id, linked_at) VALUES (${value}, ${contactId}, ${at})
        ON CONFLICT (anonymous_id) DO UPDATE SET contact_id = excluded.contact_id, linked_at = excluded.linked_at`)
      this.pipeline.send(sql`UPDATE contacts SET updated_at = ${at} WHERE id = ${contactId}`)
    } else {
      this.pipeline.send(sql`UPDATE contacts SET ${sql(kind === 'userId' ? 'user_id' : 'email')} = ${value}, updated_at = ${at} WHERE id = ${contactId}`)
    }
    return done
  }

  async mergeContacts(fromId: string, intoId: string, at: string): Promise<void> {
    const sql = this.sql
    const [from] = await this.pipeline.read(sql<{ userId: string | null; email: string | null; createdAt: Date }[]>`
      SELECT user_id AS "userId", email, created_at AS "createdAt" FROM contacts WHERE id = ${fromId} FOR UPDATE`)
    if (from === undefined) throw new Error(`PostgreSQL store: no contact ${fromId} to merge (identity rules referenced a deleted contact)`)
    const send = (statement: Parameters<StatementPipeline['send']>[0]) => this.pipeline.send(statement)
    send(sql`UPDATE events SET contact_id = ${intoId} WHERE contact_id = ${fromId}`)
    send(sql`UPDATE anonymous_ids SET contact_id = ${intoId} WHERE contact_id = ${fromId}`)
    send(sql`
      INSERT INTO event_summaries (contact_id, name, count, first, last)
      SELECT ${intoId}, name, count, first, last FROM event_summaries WHERE contact_id = ${fromId}
      ON CONFLICT (contact_id, name) DO UPDATE SET count = event_summaries.count + excluded.count,
        first = least(event_summaries.first, excluded.first), last = greatest(event_summaries.last, excluded.last)`)
    send(sql`DELETE FROM event_summaries WHERE contact_id = ${fromId}`)
    send(sql`
      INSERT INTO contact_attributes (contact_id, key, value, updated_at)
      SELECT ${intoId}, key, value, updated_at FROM contact_attributes WHERE contact_id = ${fromId}
      ON CONFLICT (contact_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
      WHERE excluded.updated_at >= contact_attributes.updated_at`)
    send(sql`DELETE FROM contact_attributes WHERE contact_id = ${fromId}`)
    // The survivor takes the userId/email it lacks; release them first, they are UNIQUE.
    send(sql`UPDATE contacts SET user_id = NULL, email = NULL WHERE id = ${fromId}`)
    send(sql`
      UPDATE contacts SET user_id = coalesce(user_id, ${from.userId}), email = coalesce(email, ${from.email}),
        created_at = least(created_at, ${from.createdAt}), updated_at = ${at} WHERE id = ${intoId}`)
    send(sql`UPDATE contact_merges SET into_id = ${intoId} WHERE into_id = ${fromId}`)
    send(sql`INSERT INTO contact_merges (merged_id, into_id, merged_at) VALUES (${fromId}, ${intoId}, ${at})`)
    send(sql`DELETE FROM contacts WHERE id = ${fromId}`)
  }

  insertEvents(events: readonly EventToStore[]): Promise<void> {
    this.pipeline.send(insertEvents(this.sql, events))
    return done
  }

  bumpSummaries(bumps: readonly SummaryBump[]): Promise<void> {
    this.pipeline.send(bumpSummaries(this.sql, bumps))
    return done
  }

  // JSON text, declared text and only then cast: see event-write-statements.ts.
  setAttributes(contactId: string, attributes: JsonObject, timestamp: string): Promise<void> {
    for (const [key, value] of Object.entries(attributes)) {
      this.pipeline.send(this.sql`
        INSERT INTO contact_attributes (contact_id, key, value, updated_at) VALUES (${contactId}, ${key}, ${JSON.stringify(value)}::text::json, ${timestamp})
        ON CONFLICT (contact_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
        WHERE excluded.updated_at >= contact_attributes.updated_at`)
    }
    return done
  }
}
