import type { EventIdentifiers } from './event-identifiers.js';
import type { IdentityTransaction } from './identity-transaction.js';
/**
 * The contact an event belongs to (CONTRACT §4): its userId's, else its email's, else its
 * anonymousId's — creating, completing, linking and merging contacts on the way.
 *
 * @example
 * const contactId = await resolveContact(tx, readEventIdentifiers(event), event.receivedAt)
 */
export declare function resolveContact(tx: IdentityTransaction, ids: EventIdentifiers, at: string): Promise<string>;
//# sourceMappingURL=resolve-contact.d.ts.map