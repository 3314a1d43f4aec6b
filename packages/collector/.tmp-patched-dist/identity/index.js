export { ingestEvents } from './ingest-events.js';
export { resolveContact } from './resolve-contact.js';
export { readEventIdentifiers } from './event-identifiers.js';
export { canMerge, isAnonymousOnly } from './can-merge.js';
export { computeUserHash, isValidUserHash } from './user-hash.js';
//# sourceMappingURL=index.js.map