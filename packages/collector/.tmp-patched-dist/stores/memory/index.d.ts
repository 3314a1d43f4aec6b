export { MemoryStore, createMemoryStore } from './memory-store.js';
//# sourceMappingURL=index.d.ts.map