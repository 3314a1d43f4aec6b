import type { JsonObject } from '@sillage/protocol';
import type { TransactionSql } from 'postgres';
import type { ContactKeys, IdentifierKind, IdentityTransaction } from '../../identity/identity-transaction.js';
import type { NormalisedEvent } from '../store.js';
/**
 * The identity operations as SQL inside one PostgreSQL transaction (READ COMMITTED).
 * Several collectors may work on the same people at once, so every contact the rules
 * look at is locked (`FOR UPDATE`) until commit: a second transaction waits, then sees
 * the first one's outcome. What locks cannot cover (two transactions creating the same
 * new identity) the UNIQUE constraints refuse, and the store retries the whole batch.
 */
export declare class PostgresTransaction implements IdentityTransaction {
    private readonly sql;
    constructor(sql: TransactionSql);
    hasMessage(source: string, messageId: string): Promise<boolean>;
    findContact(kind: IdentifierKind, value: string): Promise<ContactKeys | null>;
    createContact(at: string): Promise<ContactKeys>;
    attachIdentifier(contactId: string, kind: IdentifierKind, value: string, at: string): Promise<void>;
    mergeContacts(fromId: string, intoId: string, at: string): Promise<void>;
    insertEvent(event: NormalisedEvent, contactId: string): Promise<void>;
    bumpSummary(contactId: string, name: string, timestamp: string): Promise<void>;
    /** The driver serialises json parameters itself: hand it values, not JSON text. */
    private json;
    setAttributes(contactId: string, attributes: JsonObject, timestamp: string): Promise<void>;
}
//# sourceMappingURL=postgres-transaction.d.ts.map