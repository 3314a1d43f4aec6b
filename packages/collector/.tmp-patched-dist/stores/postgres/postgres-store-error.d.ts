/**
 * True when another transaction (maybe in another collector) got there first: a unique
 * identity or messageId it just committed, a contact it merged away, a deadlock or a
 * serialization failure. Retrying the whole batch then sees its outcome.
 *
 * @example
 * if (isPostgresConflict(error) && attempt < maxAttempts) continue
 */
export declare function isPostgresConflict(error: unknown): boolean;
/**
 * `StoreUnavailableError` for errors that mean "the database is not reachable or not
 * serving right now"; any other error (a bug) is returned unchanged.
 *
 * @example
 * catch (error) { throw toPostgresStoreError(error, this.description) }
 */
export declare function toPostgresStoreError(error: unknown, description: string): unknown;
//# sourceMappingURL=postgres-store-error.d.ts.map