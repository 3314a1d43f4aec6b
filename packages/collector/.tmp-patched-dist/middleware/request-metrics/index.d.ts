import type { CollectorEnv } from '../../collector-env.js';
import type { Counter } from '../../metrics/counter.js';
/**
 * Counts every answered request by method, route pattern and status. The route is the
 * registered pattern (`/v1/contacts/:id`), so ids never become label values; requests
 * that matched no route are counted as `unmatched`.
 *
 * @example
 * app.use('*', requestMetrics(metrics.requests))
 */
export declare function requestMetrics(requests: Counter): import("hono").MiddlewareHandler<CollectorEnv, string, {}, Response>;
//# sourceMappingURL=index.d.ts.map