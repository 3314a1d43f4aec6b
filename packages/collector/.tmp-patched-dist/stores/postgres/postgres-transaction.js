import { randomUUID } from 'node:crypto';
/**
 * The identity operations as SQL inside one PostgreSQL transaction (READ COMMITTED).
 * Several collectors may work on the same people at once, so every contact the rules
 * look at is locked (`FOR UPDATE`) until commit: a second transaction waits, then sees
 * the first one's outcome. What locks cannot cover (two transactions creating the same
 * new identity) the UNIQUE constraints refuse, and the store retries the whole batch.
 */
export class PostgresTransaction {
    sql;
    constructor(sql) {
        this.sql = sql;
    }
    async hasMessage(source, messageId) {
        const rows = await this.sql `
      SELECT 1 FROM events WHERE source = ${source} AND message_id = ${messageId}
      UNION ALL SELECT 1 FROM erased_messages WHERE source = ${source} AND message_id = ${messageId} LIMIT 1`;
        return rows.length > 0;
    }
    async findContact(kind, value) {
        const sql = this.sql;
        const rows = kind === 'anonymousId'
            ? await sql `
            SELECT c.id, c.user_id AS "userId", c.email FROM anonymous_ids a JOIN contacts c ON c.id = a.contact_id
            WHERE a.anonymous_id = ${value} FOR UPDATE`
            : await sql `
            SELECT id, user_id AS "userId", email FROM contacts WHERE ${sql(kind === 'userId' ? 'user_id' : 'email')} = ${value} FOR UPDATE`;
        if (rows.length === 0 && kind === 'anonymousId') {
            // PATCH: serialise the first sighting of a device, then look again (READ COMMITTED sees the winner's row).
            await sql `SELECT pg_advisory_xact_lock(hashtextextended(${'sillage anonymousId ' + value}, 0))`;
            const again = await sql `
            SELECT c.id, c.user_id AS "userId", c.email FROM anonymous_ids a JOIN contacts c ON c.id = a.contact_id
            WHERE a.anonymous_id = ${value} FOR UPDATE`;
            return again[0] ?? null;
        }
        return rows[0] ?? null;
    }
    async createContact(at) {
        const id = randomUUID();
        await this.sql `INSERT INTO contacts (id, created_at, updated_at) VALUES (${id}, ${at}, ${at})`;
        return { id, userId: null, email: null };
    }
    async attachIdentifier(contactId, kind, value, at) {
        const sql = this.sql;
        if (kind === 'anonymousId') {
            await sql `
        INSERT INTO anonymous_ids (anonymous_id, contact_id, linked_at) VALUES (${value}, ${contactId}, ${at})
        ON CONFLICT (anonymous_id) DO UPDATE SET contact_id = excluded.contact_id, linked_at = excluded.linked_at`;
            await sql `UPDATE contacts SET updated_at = ${at} WHERE id = ${contactId}`;
        }
        else {
            await sql `UPDATE contacts SET ${sql(kind === 'userId' ? 'user_id' : 'email')} = ${value}, updated_at = ${at} WHERE id = ${contactId}`;
        }
    }
    async mergeContacts(fromId, intoId, at) {
        const sql = this.sql;
        const [from] = await sql `
      SELECT user_id AS "userId", email, created_at AS "createdAt" FROM contacts WHERE id = ${fromId} FOR UPDATE`;
        if (from === undefined)
            throw new Error(`PostgreSQL store: no contact ${fromId} to merge (identity rules referenced a deleted contact)`);
        await sql `UPDATE events SET contact_id = ${intoId} WHERE contact_id = ${fromId}`;
        await sql `UPDATE anonymous_ids SET contact_id = ${intoId} WHERE contact_id = ${fromId}`;
        await sql `
      INSERT INTO event_summaries (contact_id, name, count, first, last)
      SELECT ${intoId}, name, count, first, last FROM event_summaries WHERE contact_id = ${fromId}
      ON CONFLICT (contact_id, name) DO UPDATE SET count = event_summaries.count + excluded.count,
        first = least(event_summaries.first, excluded.first), last = greatest(event_summaries.last, excluded.last)`;
        await sql `DELETE FROM event_summaries WHERE contact_id = ${fromId}`;
        await sql `
      INSERT INTO contact_attributes (contact_id, key, value, updated_at)
      SELECT ${intoId}, key, value, updated_at FROM contact_attributes WHERE contact_id = ${fromId}
      ON CONFLICT (contact_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
      WHERE excluded.updated_at >= contact_attributes.updated_at`;
        await sql `DELETE FROM contact_attributes WHERE contact_id = ${fromId}`;
        // The survivor takes the userId/email it lacks; release them first, they are UNIQUE.
        await sql `UPDATE contacts SET user_id = NULL, email = NULL WHERE id = ${fromId}`;
        await sql `
      UPDATE contacts SET user_id = coalesce(user_id, ${from.userId}), email = coalesce(email, ${from.email}),
        created_at = least(created_at, ${from.createdAt}), updated_at = ${at} WHERE id = ${intoId}`;
        await sql `UPDATE contact_merges SET into_id = ${intoId} WHERE into_id = ${fromId}`;
        await sql `INSERT INTO contact_merges (merged_id, into_id, merged_at) VALUES (${fromId}, ${intoId}, ${at})`;
        await sql `DELETE FROM contacts WHERE id = ${fromId}`;
    }
    async insertEvent(event, contactId) {
        await this.sql `
      INSERT INTO events (source, message_id, contact_id, type, name, anonymous_id, user_id, email, properties, context,
        timestamp, original_timestamp, sent_at, received_at, identity)
      VALUES (${event.source}, ${event.messageId}, ${contactId}, ${event.type}, ${event.name}, ${event.anonymousId},
        ${event.userId}, ${event.email}, ${this.json(event.properties)}, ${this.json(event.context)},
        ${event.timestamp}, ${event.originalTimestamp}, ${event.sentAt}, ${event.receivedAt}, ${event.identity})`;
    }
    async bumpSummary(contactId, name, timestamp) {
        await this.sql `
      INSERT INTO event_summaries (contact_id, name, count, first, last) VALUES (${contactId}, ${name}, 1, ${timestamp}, ${timestamp})
      ON CONFLICT (contact_id, name) DO UPDATE SET count = event_summaries.count + 1,
        first = least(event_summaries.first, excluded.first), last = greatest(event_summaries.last, excluded.last)`;
    }
    /** The driver serialises json parameters itself: hand it values, not JSON text. */
    json(value) {
        return this.sql.json(value);
    }
    async setAttributes(contactId, attributes, timestamp) {
        for (const [key, value] of Object.entries(attributes)) {
            await this.sql `
        INSERT INTO contact_attributes (contact_id, key, value, updated_at) VALUES (${contactId}, ${key}, ${this.json(value)}, ${timestamp})
        ON CONFLICT (contact_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
        WHERE excluded.updated_at >= contact_attributes.updated_at`;
        }
    }
}
//# sourceMappingURL=postgres-transaction.js.map