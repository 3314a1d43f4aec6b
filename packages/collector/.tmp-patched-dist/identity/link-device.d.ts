import type { ContactKeys, IdentityTransaction } from './identity-transaction.js';
/**
 * Ties the device's anonymousId to the identified contact of the same event. A contact
 * known only by device ids is merged in with its past events (back-fill). A contact that
 * somebody already claimed is another person on the same device (shared computer): the
 * anonymousId moves to `target` from now on and that person's history stays theirs.
 *
 * @example
 * await linkAnonymousId(tx, identifiedContact, event.anonymousId, event.receivedAt)
 */
export declare function linkAnonymousId(tx: IdentityTransaction, target: ContactKeys, anonymousId: string, at: string): Promise<void>;
/**
 * `alias(previousId, userId)`: an explicit statement that two ids are one person, so the
 * previous contact is merged whenever the never-merge rule allows (not only when it is
 * anonymous). Returns `target` as it is after the merge.
 *
 * @example
 * target = await linkPreviousId(tx, target, event.previousId, event.receivedAt)
 */
export declare function linkPreviousId(tx: IdentityTransaction, target: ContactKeys, previousId: string, at: string): Promise<ContactKeys>;
//# sourceMappingURL=link-device.d.ts.map