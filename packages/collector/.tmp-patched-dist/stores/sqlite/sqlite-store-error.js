import { StoreUnavailableError } from '../store.js';
/**
 * SQLite result codes that mean "the database cannot take writes right now" (locked by
 * another process past busy_timeout, disk full, I/O error, read-only or vanished file):
 * the client should retry later, so the collector answers 503 and acknowledges nothing.
 */
const unavailableCodes = /^SQLITE_(BUSY|LOCKED|FULL|IOERR|READONLY|CANTOPEN|NOTADB|CORRUPT|PROTOCOL)/;
/**
 * Turns a better-sqlite3 error into `StoreUnavailableError` when retrying later may
 * succeed; any other error (a bug) is returned unchanged.
 *
 * @example
 * catch (error) { throw toSqliteStoreError(error, this.description) }
 */
export function toSqliteStoreError(error, description) {
    if (error instanceof StoreUnavailableError)
        return error;
    const code = error?.code;
    if (typeof code !== 'string' || !unavailableCodes.test(code))
        return error;
    const message = error instanceof Error ? error.message : String(error);
    return new StoreUnavailableError(`${description} is unavailable (${code}: ${message})`, { cause: error });
}
//# sourceMappingURL=sqlite-store-error.js.map