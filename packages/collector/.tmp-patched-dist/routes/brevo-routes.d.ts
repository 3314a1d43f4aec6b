import { Hono } from 'hono';
import type { CollectorEnv } from '../collector-env.js';
import type { RouteDeps } from './route-deps.js';
/**
 * `POST /v3/events` (204) and `POST /v3/events/batch` (202 `{"count"}`), shaped like
 * Brevo's Events API so code written for Brevo can point here (CONTRACT §3.2).
 * A batch is all or nothing: one invalid event answers 400 listing every bad
 * `eventIndex`, and nothing is stored, so the sender can fix and resend the whole batch.
 *
 * @example
 * app.route('/', brevoRoutes(deps))
 */
export declare function brevoRoutes(deps: RouteDeps): Hono<CollectorEnv>;
//# sourceMappingURL=brevo-routes.d.ts.map