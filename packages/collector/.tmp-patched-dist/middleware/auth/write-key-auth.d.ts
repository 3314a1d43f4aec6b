import type { CollectorEnv } from '../../collector-env.js';
export interface WriteKeyAuthOptions {
    writeKeys: readonly string[];
    secretKey: string;
}
/** De-duplication source of calls made with the secret key (trusted server-side calls). */
export declare const SECRET_KEY_SOURCE = "api";
/**
 * Authenticates Segment-style ingestion with any one of `Authorization: Basic
 * base64(writeKey:)`, `?writeKey=` (sendBeacon cannot set headers) or `writeKey` in
 * the body, read by `jsonBody()` before this runs. The secret key works wherever a
 * write key does. Sets `c.var.source` to the key used, or `api` for the secret key.
 *
 * @example
 * app.post('/v1/batch', jsonBody(), writeKeyAuth({ writeKeys: ['wk_1'], secretKey }), handler)
 */
export declare function writeKeyAuth(options: WriteKeyAuthOptions): import("hono").MiddlewareHandler<CollectorEnv, string, {}, Response>;
//# sourceMappingURL=write-key-auth.d.ts.map