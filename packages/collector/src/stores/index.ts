export { createStore } from './create-store.js'
export { MemoryStore, createMemoryStore } from './memory/index.js'
export { StoreUnavailableError, InvalidCursorError } from './store.js'
export type { ContactLookup, EventQuery, IngestResult, NormalisedEvent, Store } from './store.js'
