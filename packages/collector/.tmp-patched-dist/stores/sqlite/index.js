export { SqliteStore } from './sqlite-store.js';
//# sourceMappingURL=index.js.map