export { createCollector } from './create-collector.js';
export type { CollectorOptions } from './create-collector.js';
export type { CollectorEnv } from './collector-env.js';
export { createStore } from './stores/create-store.js';
export { StoreUnavailableError } from './stores/store.js';
export type { ContactLookup, EventQuery, IngestResult, NormalisedEvent, Store } from './stores/store.js';
export { computeUserHash } from './identity/user-hash.js';
export type { RateLimitOptions } from './middleware/rate-limit/index.js';
//# sourceMappingURL=index.d.ts.map