import type { JsonObject } from '@sillage/protocol';
import type { NormalisedEvent } from '../stores/store.js';
/** The two identifiers a contact holds at most once each; anonymousIds are many. */
export type ClaimKind = 'userId' | 'email';
export type IdentifierKind = ClaimKind | 'anonymousId';
/** What the identity rules need to know about a contact to decide on a merge. */
export interface ContactKeys {
    id: string;
    userId: string | null;
    email: string | null;
}
/**
 * The small set of operations the identity rules run on, inside ONE store transaction.
 * Each store implements it with its own SQL or maps; `ingestEvents` (the rules) is
 * written once on top of it. Every method sees the writes made earlier in the same
 * transaction, and nothing of it is visible to readers before the store commits.
 *
 * The rules guarantee the preconditions noted on each method, so a store only has to
 * carry them out faithfully — it never decides anything about identity.
 */
export interface IdentityTransaction {
    /** True when (source, messageId) was ever stored, including events since erased. */
    hasMessage(source: string, messageId: string): Promise<boolean>;
    /** The contact currently holding this identifier, or null. */
    findContact(kind: IdentifierKind, value: string): Promise<ContactKeys | null>;
    /** A new contact without identifiers. `at` becomes its createdAt and updatedAt. */
    createContact(at: string): Promise<ContactKeys>;
    /**
     * Gives the contact this identifier. For userId/email it replaces the contact's
     * previous value (precondition: no other contact holds `value`); for anonymousId it
     * moves the id from whichever contact held it (shared computer: history stays there).
     */
    attachIdentifier(contactId: string, kind: IdentifierKind, value: string, at: string): Promise<void>;
    /**
     * Moves everything of `fromId` into `intoId` and deletes `fromId`: events, anonymousIds,
     * the userId/email `intoId` lacks, summaries (count adds, first = min, last = max),
     * attributes (latest timestamp wins per key). Records the merge so `fromId`, and every
     * id merged into it before, resolves to `intoId` from now on.
     * Precondition: the two contacts do not hold different userIds or different emails.
     */
    mergeContacts(fromId: string, intoId: string, at: string): Promise<void>;
    /** Stores the event on the contact. Precondition: `hasMessage` answered false for it. */
    insertEvent(event: NormalisedEvent, contactId: string): Promise<void>;
    /** count + 1, first = min(first, timestamp), last = max(last, timestamp) for (contact, name). */
    bumpSummary(contactId: string, name: string, timestamp: string): Promise<void>;
    /** Per key, keeps the value whose timestamp is the latest (ties: the one written last). */
    setAttributes(contactId: string, attributes: JsonObject, timestamp: string): Promise<void>;
}
//# sourceMappingURL=identity-transaction.d.ts.map