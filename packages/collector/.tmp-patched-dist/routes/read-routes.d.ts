import { Hono } from 'hono';
import type { CollectorEnv } from '../collector-env.js';
import type { RouteDeps } from './route-deps.js';
/**
 * The read and admin API (CONTRACT §5), behind `Authorization: Bearer <secret key>`:
 * the event log, contact lookup, a contact's profile and timeline, and GDPR erasure.
 *
 * @example
 * app.route('/', readRoutes(deps))
 */
export declare function readRoutes(deps: Pick<RouteDeps, 'store' | 'secretKey'>): Hono<CollectorEnv>;
//# sourceMappingURL=read-routes.d.ts.map