export { MemoryStore, createMemoryStore } from './memory-store.js';
//# sourceMappingURL=index.js.map