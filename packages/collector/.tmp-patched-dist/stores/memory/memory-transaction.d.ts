import type { JsonObject } from '@sillage/protocol';
import type { ContactKeys, IdentifierKind, IdentityTransaction } from '../../identity/identity-transaction.js';
import type { NormalisedEvent } from '../store.js';
import { type MemoryState } from './memory-state.js';
/**
 * The identity operations on the memory maps. Not atomic on failure: the memory store
 * is for tests and trying Sillage out, and nothing here can fail but a bug.
 */
export declare class MemoryTransaction implements IdentityTransaction {
    private readonly state;
    constructor(state: MemoryState);
    hasMessage(source: string, messageId: string): Promise<boolean>;
    findContact(kind: IdentifierKind, value: string): Promise<ContactKeys | null>;
    createContact(at: string): Promise<ContactKeys>;
    attachIdentifier(contactId: string, kind: IdentifierKind, value: string, at: string): Promise<void>;
    mergeContacts(fromId: string, intoId: string, at: string): Promise<void>;
    insertEvent(event: NormalisedEvent, contactId: string): Promise<void>;
    bumpSummary(contactId: string, name: string, timestamp: string): Promise<void>;
    setAttributes(contactId: string, attributes: JsonObject, timestamp: string): Promise<void>;
    private addToSummary;
    private moveClaim;
    private contact;
}
//# sourceMappingURL=memory-transaction.d.ts.map