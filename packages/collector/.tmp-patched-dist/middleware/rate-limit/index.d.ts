import type { Context } from 'hono';
import type { CollectorEnv } from '../../collector-env.js';
export interface RateLimitOptions {
    /** Sustained requests per second per caller. Default 50. */
    requestsPerSecond?: number;
    /** Requests a caller may send at once before the sustained rate applies. Default 500. */
    burst?: number;
    /** Who is "a caller"; the collector uses the source key plus the client address. */
    keyOf?: (c: Context<CollectorEnv>) => string;
    /** Clock in milliseconds; tests pass a fake one. */
    now?: () => number;
}
/**
 * Answers 429 with `Retry-After` once a caller exceeds its token bucket. The default
 * (bursts of 500 requests, then 50 per second, per key and address) is far above what
 * a browser (a batch every few seconds) or a busy server library sends.
 *
 * @example
 * app.use('/v1/batch', rateLimit({ requestsPerSecond: 10, burst: 20 }))
 */
export declare function rateLimit(options?: RateLimitOptions): import("hono").MiddlewareHandler<CollectorEnv, string, {}, Response>;
//# sourceMappingURL=index.d.ts.map