import { rateLimit } from '../middleware/rate-limit/index.js';
import { clientAddress } from '../normalise/client-address.js';
/**
 * The ingestion rate limit, per source key and client address: a write key is shared
 * by every visitor of a site, so limiting per key alone would throttle a busy site for
 * one noisy client. `false` turns it off.
 */
export function rateLimitFor(deps) {
    if (deps.rateLimit === false)
        return async (_c, next) => next();
    return rateLimit({
        keyOf: (c) => `${c.var.source}|${clientAddress(c, { trustProxy: deps.trustProxy }) ?? 'unknown'}`,
        ...deps.rateLimit,
    });
}
//# sourceMappingURL=rate-limit-for.js.map