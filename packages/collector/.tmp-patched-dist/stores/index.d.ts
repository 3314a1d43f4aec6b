export { createStore } from './create-store.js';
export { MemoryStore, createMemoryStore } from './memory/index.js';
export { SqliteStore } from './sqlite/index.js';
export { PostgresStore } from './postgres/index.js';
export { StoreUnavailableError, InvalidCursorError } from './store.js';
export type { ContactLookup, EventQuery, IngestResult, NormalisedEvent, Store } from './store.js';
//# sourceMappingURL=index.d.ts.map