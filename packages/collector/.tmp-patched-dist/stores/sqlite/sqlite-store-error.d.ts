/**
 * Turns a better-sqlite3 error into `StoreUnavailableError` when retrying later may
 * succeed; any other error (a bug) is returned unchanged.
 *
 * @example
 * catch (error) { throw toSqliteStoreError(error, this.description) }
 */
export declare function toSqliteStoreError(error: unknown, description: string): unknown;
//# sourceMappingURL=sqlite-store-error.d.ts.map