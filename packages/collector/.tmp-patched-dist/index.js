export { createCollector } from './create-collector.js';
export { createStore } from './stores/create-store.js';
export { StoreUnavailableError } from './stores/store.js';
export { computeUserHash } from './identity/user-hash.js';
//# sourceMappingURL=index.js.map