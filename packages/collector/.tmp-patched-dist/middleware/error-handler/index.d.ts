import type { ErrorHandler, NotFoundHandler } from 'hono';
export interface ErrorHandlerOptions {
    /** Where unexpected errors are reported; defaults to `console.error`. */
    log?: (message: string, error: unknown) => void;
    /** Called for every store failure (the `/metrics` store error counter). */
    onStoreError?: (error: unknown) => void;
    /** Seconds a client should wait when the store is down. */
    storeRetryAfterSeconds?: number;
}
/**
 * The app's single `onError`: every refusal leaves in the `{"error": {...}}` shape.
 * A store outage is a 503 with `Retry-After` (the client keeps its events and retries);
 * anything unexpected is logged and answered as a 500 in the same shape.
 *
 * @example
 * app.onError(errorHandler({ onStoreError: () => metrics.storeErrors.inc() }))
 */
export declare function errorHandler(options?: ErrorHandlerOptions): ErrorHandler;
/** 404 for unknown routes, in the same error shape. */
export declare const notFoundHandler: NotFoundHandler;
//# sourceMappingURL=index.d.ts.map