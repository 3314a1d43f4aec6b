export { ingestEvents } from './ingest-events.js';
export { resolveContact } from './resolve-contact.js';
export { readEventIdentifiers } from './event-identifiers.js';
export type { EventIdentifiers } from './event-identifiers.js';
export { canMerge, isAnonymousOnly } from './can-merge.js';
export type { ClaimKind, ContactKeys, IdentifierKind, IdentityTransaction } from './identity-transaction.js';
export { computeUserHash, isValidUserHash } from './user-hash.js';
//# sourceMappingURL=index.d.ts.map