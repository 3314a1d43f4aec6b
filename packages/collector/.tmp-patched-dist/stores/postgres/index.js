export { PostgresStore } from './postgres-store.js';
export { parsePostgresUrl } from './parse-postgres-url.js';
//# sourceMappingURL=index.js.map