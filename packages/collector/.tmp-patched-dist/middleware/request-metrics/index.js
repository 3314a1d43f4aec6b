import { createMiddleware } from 'hono/factory';
import { matchedRoutes } from 'hono/route';
/**
 * Counts every answered request by method, route pattern and status. The route is the
 * registered pattern (`/v1/contacts/:id`), so ids never become label values; requests
 * that matched no route are counted as `unmatched`.
 *
 * @example
 * app.use('*', requestMetrics(metrics.requests))
 */
export function requestMetrics(requests) {
    return createMiddleware(async function countRequest(c, next) {
        await next();
        const routes = [...matchedRoutes(c)].reverse();
        // A preflight is answered by the CORS middleware, so its path is the route.
        const route = routes.find((r) => r.method !== 'ALL') ?? routes.find((r) => r.path !== '*' && r.path !== '/*');
        requests.inc({ method: c.req.method, route: route?.path ?? 'unmatched', status: String(c.res.status) });
    });
}
//# sourceMappingURL=index.js.map