import type { IncomingMessage } from 'node:http';
/**
 * The Hono environment of the collector app: what `@hono/node-server` binds and what
 * the middleware hands to the routes.
 */
export interface CollectorEnv {
    Bindings: {
        /** Set by `@hono/node-server`; absent under `app.request()` in tests. */
        incoming?: IncomingMessage;
    };
    Variables: {
        /** De-duplication scope of the authenticated caller: the write key, `api` or `brevo`. */
        source: string;
        /** True when the caller authenticated with the secret key (a trusted server). */
        trusted: boolean;
        /** The request body, read, decompressed, size-checked and parsed as JSON. */
        body: unknown;
    };
}
//# sourceMappingURL=collector-env.d.ts.map