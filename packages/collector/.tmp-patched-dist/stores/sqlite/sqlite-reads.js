import { decodeEventCursor, encodeEventCursor } from '../event-cursor.js';
import { toIsoInstant } from '../iso-instant.js';
const eventColumns = `seq, message_id AS messageId, type, name, contact_id AS contactId, anonymous_id AS anonymousId,
  user_id AS userId, email, properties, context, timestamp, original_timestamp AS originalTimestamp,
  sent_at AS sentAt, received_at AS receivedAt, identity`;
/**
 * The read side of the SQLite store, on its own connection: in WAL mode it reads the
 * last committed state while the writer works, so readers never see half an ingest.
 */
export class SqliteReads {
    db;
    eventQueries = new Map();
    sql;
    constructor(db) {
        this.db = db;
        this.sql = {
            resolve: db.prepare('SELECT coalesce((SELECT into_id FROM contact_merges WHERE merged_id = ?), ?)').pluck(),
            contact: db.prepare('SELECT id, user_id AS userId, email, created_at AS createdAt, updated_at AS updatedAt FROM contacts WHERE id = ?'),
            anonymousIds: db.prepare('SELECT anonymous_id FROM anonymous_ids WHERE contact_id = ? ORDER BY anonymous_id').pluck(),
            attributes: db.prepare('SELECT key, value FROM contact_attributes WHERE contact_id = ? ORDER BY key'),
            mergedFrom: db.prepare('SELECT merged_id FROM contact_merges WHERE into_id = ? ORDER BY merged_id').pluck(),
            summaries: db.prepare('SELECT name, count, first, last FROM event_summaries WHERE contact_id = ? ORDER BY name'),
            byUserId: db.prepare('SELECT id FROM contacts WHERE user_id = ?').pluck(),
            byEmail: db.prepare('SELECT id FROM contacts WHERE email = ?').pluck(),
            byAnonymousId: db.prepare('SELECT contact_id FROM anonymous_ids WHERE anonymous_id = ?').pluck(),
        };
    }
    /** The id a contact has today: itself, or the survivor it was merged into. */
    resolveContactId(id) {
        return this.sql.resolve.get(id, id);
    }
    listEvents(query) {
        const conditions = [];
        const params = [];
        const where = (condition, ...values) => {
            conditions.push(condition);
            params.push(...values);
        };
        if (query.contactId !== undefined)
            where('contact_id = ?', this.resolveContactId(query.contactId));
        if (query.name !== undefined)
            where('name = ?', query.name);
        if (query.type !== undefined)
            where('type = ?', query.type);
        if (query.since !== undefined)
            where('timestamp >= ?', toIsoInstant(query.since));
        if (query.until !== undefined)
            where('timestamp < ?', toIsoInstant(query.until));
        if (query.cursor !== undefined) {
            const after = decodeEventCursor(query.cursor);
            where('(timestamp < ? OR (timestamp = ? AND seq < ?))', after.timestamp, after.timestamp, after.seq);
        }
        const rows = this.eventQuery(conditions).all(...params, query.limit + 1);
        const page = rows.slice(0, query.limit);
        const last = page.at(-1);
        return { events: page.map(toStoredEvent), nextCursor: last !== undefined && rows.length > query.limit ? encodeEventCursor(last) : null };
    }
    getContact(id) {
        const contact = this.sql.contact.get(this.resolveContactId(id));
        if (contact === undefined)
            return null;
        return {
            ...contact,
            anonymousIds: this.sql.anonymousIds.all(contact.id),
            attributes: Object.fromEntries(this.sql.attributes.all(contact.id).map(({ key, value }) => [key, JSON.parse(value)])),
            mergedFrom: this.sql.mergedFrom.all(contact.id),
            summaries: this.sql.summaries.all(contact.id),
        };
    }
    findContacts(lookup) {
        const id = 'email' in lookup
            ? this.sql.byEmail.get(lookup.email.trim().toLowerCase())
            : 'userId' in lookup
                ? this.sql.byUserId.get(lookup.userId)
                : this.sql.byAnonymousId.get(lookup.anonymousId);
        const contact = id === undefined ? null : this.getContact(id);
        return contact === null ? [] : [contact];
    }
    /** One prepared statement per combination of filters, prepared on first use. */
    eventQuery(conditions) {
        const sql = `SELECT ${eventColumns} FROM events ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
      ORDER BY timestamp DESC, seq DESC LIMIT ?`;
        let statement = this.eventQueries.get(sql);
        if (statement === undefined) {
            statement = this.db.prepare(sql);
            this.eventQueries.set(sql, statement);
        }
        return statement;
    }
}
function toStoredEvent({ seq: _seq, properties, context, ...row }) {
    return { ...row, properties: JSON.parse(properties), context: JSON.parse(context) };
}
//# sourceMappingURL=sqlite-reads.js.map