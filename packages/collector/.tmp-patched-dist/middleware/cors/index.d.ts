import type { CollectorEnv } from '../../collector-env.js';
export interface IngestionCorsOptions {
    /** Origins allowed to send events from a browser, e.g. `https://shop.example`; `*` allows any. */
    allowedOrigins: readonly string[];
}
/**
 * CORS for the browser ingestion routes, preflight included. The allow-list is enforced
 * on the server too: a beacon (`text/plain`, no preflight) from an origin not on the
 * list is refused with 403 rather than silently stored. Requests without `Origin`
 * (server libraries, curl) are not browser requests and pass.
 *
 * @example
 * app.use('/v1/batch', ingestionCors({ allowedOrigins: ['https://shop.example'] }))
 */
export declare function ingestionCors(options: IngestionCorsOptions): import("hono").MiddlewareHandler<CollectorEnv, string, {}, Response>;
//# sourceMappingURL=index.d.ts.map