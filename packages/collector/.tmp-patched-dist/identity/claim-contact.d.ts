import type { EventIdentifiers } from './event-identifiers.js';
import type { ContactKeys, IdentityTransaction } from './identity-transaction.js';
/**
 * The contact an event's userId/email claim belongs to, created or completed as needed:
 * the userId's contact, else the email's (when it holds no other userId), else the
 * device's contact when nothing it holds contradicts the claim (first login on a device,
 * or an email-only contact whose userId now arrives), else a new contact.
 *
 * @example
 * const contact = await claimContact(tx, { userId: 'u1', email: 'a@x.io', anonymousId: 'd1', previousId: null }, at)
 */
export declare function claimContact(tx: IdentityTransaction, ids: EventIdentifiers, at: string): Promise<ContactKeys>;
//# sourceMappingURL=claim-contact.d.ts.map