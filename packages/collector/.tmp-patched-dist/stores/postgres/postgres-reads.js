import { decodeEventCursor, encodeEventCursor } from '../event-cursor.js';
import { toIsoInstant } from '../iso-instant.js';
/** The read side of the PostgreSQL store: plain queries on the pool, committed data only. */
export class PostgresReads {
    sql;
    constructor(sql) {
        this.sql = sql;
    }
    /** The id a contact has today: itself, or the survivor it was merged into. */
    async resolveContactId(id) {
        const [row] = await this.sql `SELECT coalesce((SELECT into_id FROM contact_merges WHERE merged_id = ${id}), ${id}) AS id`;
        return row.id;
    }
    async listEvents(query) {
        const sql = this.sql;
        const conditions = [sql `TRUE`];
        if (query.contactId !== undefined)
            conditions.push(sql `contact_id = ${await this.resolveContactId(query.contactId)}`);
        if (query.name !== undefined)
            conditions.push(sql `name = ${query.name}`);
        if (query.type !== undefined)
            conditions.push(sql `type = ${query.type}`);
        if (query.since !== undefined)
            conditions.push(sql `timestamp >= ${toIsoInstant(query.since)}::timestamptz`);
        if (query.until !== undefined)
            conditions.push(sql `timestamp < ${toIsoInstant(query.until)}::timestamptz`);
        if (query.cursor !== undefined) {
            const after = decodeEventCursor(query.cursor);
            conditions.push(sql `(timestamp, seq) < (${after.timestamp}::timestamptz, ${after.seq}::bigint)`);
        }
        const where = conditions.reduce((all, condition) => sql `${all} AND ${condition}`);
        const rows = await sql `
      SELECT seq, message_id AS "messageId", type, name, contact_id AS "contactId", anonymous_id AS "anonymousId",
        user_id AS "userId", email, properties, context, timestamp, original_timestamp AS "originalTimestamp",
        sent_at AS "sentAt", received_at AS "receivedAt", identity
      FROM events WHERE ${where} ORDER BY timestamp DESC, seq DESC LIMIT ${query.limit + 1}`;
        const page = rows.slice(0, query.limit).map(toStoredEvent);
        const last = rows[query.limit - 1];
        const nextCursor = rows.length > query.limit && last !== undefined ? encodeEventCursor({ timestamp: last.timestamp.toISOString(), seq: Number(last.seq) }) : null;
        return { events: page, nextCursor };
    }
    async getContact(id) {
        const sql = this.sql;
        const [contact] = await sql `
      SELECT id, user_id AS "userId", email, created_at AS "createdAt", updated_at AS "updatedAt"
      FROM contacts WHERE id = ${await this.resolveContactId(id)}`;
        if (contact === undefined)
            return null;
        const [anonymousIds, attributes, mergedFrom, summaries] = await Promise.all([
            sql `SELECT anonymous_id AS "anonymousId" FROM anonymous_ids WHERE contact_id = ${contact.id} ORDER BY anonymous_id`,
            sql `SELECT key, value FROM contact_attributes WHERE contact_id = ${contact.id} ORDER BY key`,
            sql `SELECT merged_id AS "mergedId" FROM contact_merges WHERE into_id = ${contact.id} ORDER BY merged_id`,
            sql `
        SELECT name, count, first, last FROM event_summaries WHERE contact_id = ${contact.id} ORDER BY name`,
        ]);
        return {
            ...contact,
            createdAt: contact.createdAt.toISOString(),
            updatedAt: contact.updatedAt.toISOString(),
            anonymousIds: anonymousIds.map((row) => row.anonymousId),
            attributes: Object.fromEntries(attributes.map(({ key, value }) => [key, value])),
            mergedFrom: mergedFrom.map((row) => row.mergedId),
            summaries: summaries.map(({ first, last, ...summary }) => ({ ...summary, first: first.toISOString(), last: last.toISOString() })),
        };
    }
    async findContacts(lookup) {
        const sql = this.sql;
        const [row] = 'email' in lookup
            ? await sql `SELECT id FROM contacts WHERE email = ${lookup.email.trim().toLowerCase()}`
            : 'userId' in lookup
                ? await sql `SELECT id FROM contacts WHERE user_id = ${lookup.userId}`
                : await sql `SELECT contact_id AS id FROM anonymous_ids WHERE anonymous_id = ${lookup.anonymousId}`;
        const contact = row === undefined ? null : await this.getContact(row.id);
        return contact === null ? [] : [contact];
    }
}
function toStoredEvent({ seq: _seq, timestamp, originalTimestamp, sentAt, receivedAt, ...row }) {
    return {
        ...row,
        timestamp: timestamp.toISOString(),
        originalTimestamp: originalTimestamp.toISOString(),
        sentAt: sentAt === null ? null : sentAt.toISOString(),
        receivedAt: receivedAt.toISOString(),
    };
}
//# sourceMappingURL=postgres-reads.js.map