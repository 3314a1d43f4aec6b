import type { CollectorEnv } from '../../collector-env.js';
export interface JsonBodyOptions {
    /** Largest body, compressed and decompressed alike. Default: 500 KB (CONTRACT §3.1). */
    maxBytes?: number;
    /** Deepest object/array nesting accepted. Default: 64. */
    maxDepth?: number;
}
/**
 * Reads the body as JSON into `c.var.body`: `application/json` and `text/plain`
 * (beacons), optionally `Content-Encoding: gzip`. The raw stream is cut off at
 * `maxBytes`, and so is the decompressed output, so a gzip bomb never inflates in memory.
 *
 * @example
 * app.post('/v1/batch', jsonBody(), (c) => c.json(c.var.body))
 */
export declare function jsonBody(options?: JsonBodyOptions): import("hono").MiddlewareHandler<CollectorEnv, string, {}, Response>;
//# sourceMappingURL=index.d.ts.map