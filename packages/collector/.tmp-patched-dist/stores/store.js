/** The store's database cannot be reached; the collector answers 503 with `Retry-After`. */
export class StoreUnavailableError extends Error {
    name = 'StoreUnavailableError';
    constructor(message, options) {
        super(message, options);
    }
}
/** `EventQuery.cursor` was not produced by this store (tampered or from another version): answer 400. */
export class InvalidCursorError extends Error {
    name = 'InvalidCursorError';
    constructor(cursor) {
        super(`Invalid cursor "${cursor.slice(0, 40)}": pass the nextCursor of a previous page unchanged, or omit it`);
    }
}
//# sourceMappingURL=store.js.map