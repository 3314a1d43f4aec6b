export { PostgresStore } from './postgres-store.js';
export { parsePostgresUrl } from './parse-postgres-url.js';
export type { PostgresStoreOptions } from './parse-postgres-url.js';
//# sourceMappingURL=index.d.ts.map