import type { JsonObject } from '@sillage/protocol';
import type { ContactKeys, IdentifierKind, IdentityTransaction } from '../../identity/identity-transaction.js';
import type { NormalisedEvent } from '../store.js';
import type { WriteStatements } from './sqlite-write-statements.js';
/**
 * The identity operations as prepared SQLite statements on the writer connection. The
 * store opens the transaction around it; every call here is synchronous underneath.
 */
export declare class SqliteTransaction implements IdentityTransaction {
    private readonly sql;
    constructor(sql: WriteStatements);
    hasMessage(source: string, messageId: string): Promise<boolean>;
    findContact(kind: IdentifierKind, value: string): Promise<ContactKeys | null>;
    createContact(at: string): Promise<ContactKeys>;
    attachIdentifier(contactId: string, kind: IdentifierKind, value: string, at: string): Promise<void>;
    mergeContacts(fromId: string, intoId: string, at: string): Promise<void>;
    insertEvent(event: NormalisedEvent, contactId: string): Promise<void>;
    bumpSummary(contactId: string, name: string, timestamp: string): Promise<void>;
    setAttributes(contactId: string, attributes: JsonObject, timestamp: string): Promise<void>;
}
//# sourceMappingURL=sqlite-transaction.d.ts.map