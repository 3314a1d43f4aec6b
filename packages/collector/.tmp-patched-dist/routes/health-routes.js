import { Hono } from 'hono';
/**
 * `GET /healthz` for load balancers (503 while the store does not answer) and
 * `GET /metrics` in the Prometheus text format. Both are public: they reveal counts,
 * never events or keys.
 *
 * @example
 * app.route('/', healthRoutes(deps))
 */
export function healthRoutes(deps) {
    const app = new Hono();
    app.get('/healthz', async (c) => {
        const healthy = await deps.store.isHealthy().catch(() => false);
        if (healthy)
            return c.json({ status: 'ok', store: 'ok' });
        deps.metrics.storeErrors.inc();
        return c.json({ status: 'unavailable', store: 'unavailable' }, 503, { 'Retry-After': '5' });
    });
    app.get('/metrics', (c) => c.body(deps.metrics.render(), 200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' }));
    return app;
}
//# sourceMappingURL=health-routes.js.map