import type { Store } from './store.js';
/**
 * The store a `--store` URL names: `memory:`, `sqlite:<path>[?synchronous=normal]` or
 * `postgres://…[?max=10&schema=name]` (`postgresql://` too). Nothing is opened yet: call `open()`.
 *
 * @example
 * const store = createStore(process.env.SILLAGE_STORE ?? 'sqlite:./data/sillage.db')
 * await store.open()
 */
export declare function createStore(url: string): Store;
//# sourceMappingURL=create-store.d.ts.map