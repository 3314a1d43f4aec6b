import type { CollectorEnv } from '../../collector-env.js';
/** De-duplication source of events received on the Brevo-compatible routes. */
export declare const BREVO_SOURCE = "brevo";
/**
 * Guards the Brevo-compatible `/v3/events` routes the way Brevo does: the key in the
 * `api-key` header. Here that key is the collector's secret key.
 *
 * @example
 * app.post('/v3/events', brevoKeyAuth({ secretKey }), jsonBody(), handler)
 */
export declare function brevoKeyAuth(options: {
    secretKey: string;
}): import("hono").MiddlewareHandler<CollectorEnv, string, {}, Response>;
//# sourceMappingURL=brevo-key-auth.d.ts.map