import { Hono } from 'hono';
import type { CollectorEnv } from '../collector-env.js';
import type { RouteDeps } from './route-deps.js';
/**
 * `GET /healthz` for load balancers (503 while the store does not answer) and
 * `GET /metrics` in the Prometheus text format. Both are public: they reveal counts,
 * never events or keys.
 *
 * @example
 * app.route('/', healthRoutes(deps))
 */
export declare function healthRoutes(deps: Pick<RouteDeps, 'store' | 'metrics'>): Hono<CollectorEnv>;
//# sourceMappingURL=health-routes.d.ts.map