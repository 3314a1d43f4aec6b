import { HTTPException } from 'hono/http-exception';
import { ApiError } from '../../errors/api-error.js';
import { InvalidCursorError, StoreUnavailableError } from '../../stores/store.js';
/** Codes for HTTPExceptions that did not come from `ApiError` (e.g. thrown by Hono itself). */
const codeByStatus = {
    400: 'bad_request',
    401: 'unauthorized',
    403: 'forbidden',
    404: 'not_found',
    405: 'method_not_allowed',
    413: 'payload_too_large',
    415: 'unsupported_media_type',
    429: 'rate_limited',
};
/**
 * The app's single `onError`: every refusal leaves in the `{"error": {...}}` shape.
 * A store outage is a 503 with `Retry-After` (the client keeps its events and retries);
 * anything unexpected is logged and answered as a 500 in the same shape.
 *
 * @example
 * app.onError(errorHandler({ onStoreError: () => metrics.storeErrors.inc() }))
 */
export function errorHandler(options = {}) {
    const log = options.log ?? ((message, error) => console.error(message, error));
    const retryAfter = String(options.storeRetryAfterSeconds ?? 5);
    return function handleError(error, c) {
        if (error instanceof ApiError) {
            return respond(c, error.status, error.code, error.message, error.issues, error.headers);
        }
        if (error instanceof HTTPException) {
            return respond(c, error.status, codeByStatus[error.status] ?? 'error', error.message || 'Request refused');
        }
        if (error instanceof InvalidCursorError) {
            return respond(c, 400, 'invalid_cursor', error.message);
        }
        if (error instanceof StoreUnavailableError) {
            options.onStoreError?.(error);
            log('sillage: store unavailable:', error);
            const message = 'The event store is unavailable; nothing was stored. Retry later.';
            return respond(c, 503, 'store_unavailable', message, undefined, { 'Retry-After': retryAfter });
        }
        log(`sillage: unexpected error on ${c.req.method} ${c.req.path}:`, error);
        return respond(c, 500, 'internal_error', 'The collector failed unexpectedly; the error is in its log. Retry later.');
    };
}
/** 404 for unknown routes, in the same error shape. */
export const notFoundHandler = (c) => respond(c, 404, 'not_found', `No route for ${c.req.method} ${c.req.path}`);
function respond(c, status, code, message, issues, headers = {}) {
    const body = { error: { code, message, ...(issues ? { issues } : {}) } };
    return c.json(body, status, headers);
}
//# sourceMappingURL=index.js.map