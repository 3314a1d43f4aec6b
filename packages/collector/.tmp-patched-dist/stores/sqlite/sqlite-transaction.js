import { randomUUID } from 'node:crypto';
/**
 * The identity operations as prepared SQLite statements on the writer connection. The
 * store opens the transaction around it; every call here is synchronous underneath.
 */
export class SqliteTransaction {
    sql;
    constructor(sql) {
        this.sql = sql;
    }
    async hasMessage(source, messageId) {
        return this.sql.hasMessage.get(source, messageId, source, messageId) !== undefined;
    }
    async findContact(kind, value) {
        const statement = kind === 'userId' ? this.sql.contactByUserId : kind === 'email' ? this.sql.contactByEmail : this.sql.contactByAnonymousId;
        return statement.get(value) ?? null;
    }
    async createContact(at) {
        const id = randomUUID();
        this.sql.insertContact.run(id, at, at);
        return { id, userId: null, email: null };
    }
    async attachIdentifier(contactId, kind, value, at) {
        if (kind === 'userId')
            this.sql.setUserId.run(value, at, contactId);
        else if (kind === 'email')
            this.sql.setEmail.run(value, at, contactId);
        else {
            this.sql.linkAnonymousId.run(value, contactId, at);
            this.sql.touchContact.run(at, contactId);
        }
    }
    async mergeContacts(fromId, intoId, at) {
        const from = this.sql.contactForMerge.get(fromId);
        if (from === undefined)
            throw new Error(`SQLite store: no contact ${fromId} to merge (identity rules referenced a deleted contact)`);
        const ids = { from: fromId, into: intoId, at };
        const step = this.sql.merge;
        for (const statement of [step.events, step.anonymousIds, step.summaries, step.dropSummaries, step.attributes, step.dropAttributes]) {
            statement.run(ids);
        }
        // The survivor takes the userId/email it lacks; release them first, they are UNIQUE.
        this.sql.releaseClaims.run(fromId);
        this.sql.absorbClaims.run(from.userId, from.email, from.createdAt, at, intoId);
        step.redirectEarlierMerges.run(ids);
        step.recordMerge.run(ids);
        step.dropContact.run(ids);
    }
    async insertEvent(event, contactId) {
        this.sql.insertEvent.run({
            source: event.source,
            messageId: event.messageId,
            contactId,
            type: event.type,
            name: event.name,
            anonymousId: event.anonymousId,
            userId: event.userId,
            email: event.email,
            properties: JSON.stringify(event.properties),
            context: JSON.stringify(event.context),
            timestamp: event.timestamp,
            originalTimestamp: event.originalTimestamp,
            sentAt: event.sentAt,
            receivedAt: event.receivedAt,
            identity: event.identity,
        });
    }
    async bumpSummary(contactId, name, timestamp) {
        this.sql.bumpSummary.run(contactId, name, timestamp, timestamp);
    }
    async setAttributes(contactId, attributes, timestamp) {
        for (const [key, value] of Object.entries(attributes))
            this.sql.setAttribute.run(contactId, key, JSON.stringify(value), timestamp);
    }
}
//# sourceMappingURL=sqlite-transaction.js.map