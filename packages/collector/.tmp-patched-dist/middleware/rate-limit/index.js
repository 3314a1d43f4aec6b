import { createMiddleware } from 'hono/factory';
import { ApiError } from '../../errors/api-error.js';
import { TokenBuckets } from './token-buckets.js';
/**
 * Answers 429 with `Retry-After` once a caller exceeds its token bucket. The default
 * (bursts of 500 requests, then 50 per second, per key and address) is far above what
 * a browser (a batch every few seconds) or a busy server library sends.
 *
 * @example
 * app.use('/v1/batch', rateLimit({ requestsPerSecond: 10, burst: 20 }))
 */
export function rateLimit(options = {}) {
    const buckets = new TokenBuckets(options.requestsPerSecond ?? 50, options.burst ?? 500);
    const keyOf = options.keyOf ?? ((c) => c.var.source ?? 'anonymous');
    const now = options.now ?? Date.now;
    return createMiddleware(async function limitRate(c, next) {
        const waitSeconds = buckets.take(keyOf(c), now());
        if (waitSeconds > 0) {
            throw new ApiError(429, 'rate_limited', `Too many requests; retry in ${waitSeconds} s.`, {
                headers: { 'Retry-After': String(waitSeconds) },
            });
        }
        await next();
    });
}
//# sourceMappingURL=index.js.map