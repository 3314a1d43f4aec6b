import { Hono } from 'hono';
import type { CollectorEnv } from '../collector-env.js';
import type { RouteDeps } from './route-deps.js';
/** Paths browsers post to: they get CORS. */
export declare const segmentPaths: string[];
/**
 * `POST /v1/batch` and `/v1/{track,identify,page,alias,group,screen}`, compatible with
 * the Segment HTTP Tracking API (CONTRACT §3.1). A batch is accepted in part: invalid
 * events come back in `rejected[]`, the rest are committed before the 200.
 *
 * @example
 * app.route('/', segmentRoutes(deps))
 */
export declare function segmentRoutes(deps: RouteDeps): Hono<CollectorEnv>;
//# sourceMappingURL=segment-routes.d.ts.map