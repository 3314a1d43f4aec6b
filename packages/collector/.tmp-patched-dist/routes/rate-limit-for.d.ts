import type { MiddlewareHandler } from 'hono';
import type { CollectorEnv } from '../collector-env.js';
import type { RouteDeps } from './route-deps.js';
/**
 * The ingestion rate limit, per source key and client address: a write key is shared
 * by every visitor of a site, so limiting per key alone would throttle a busy site for
 * one noisy client. `false` turns it off.
 */
export declare function rateLimitFor(deps: Pick<RouteDeps, 'rateLimit' | 'trustProxy'>): MiddlewareHandler<CollectorEnv>;
//# sourceMappingURL=rate-limit-for.d.ts.map