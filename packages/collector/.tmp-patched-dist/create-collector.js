import { Hono } from 'hono';
import { createCollectorMetrics } from './metrics/collector-metrics.js';
import { errorHandler, notFoundHandler } from './middleware/error-handler/index.js';
import { requestMetrics } from './middleware/request-metrics/index.js';
import { brevoRoutes } from './routes/brevo-routes.js';
import { healthRoutes } from './routes/health-routes.js';
import { readRoutes } from './routes/read-routes.js';
import { segmentRoutes } from './routes/segment-routes.js';
import { trackerScriptRoute } from './routes/tracker-script-route.js';
/**
 * The collector as a Hono app: ingestion (Segment and Brevo shapes), the read API,
 * `/healthz`, `/metrics` and `/sillage.js`. Serve it with `@hono/node-server` or call
 * `app.request()` in tests.
 *
 * @example
 * const store = createStore('sqlite:./data/sillage.db')
 * await store.open()
 * const app = createCollector({ store, writeKeys: ['wk_live_1'], secretKey: process.env.SILLAGE_SECRET_KEY! })
 * serve({ fetch: app.fetch, port: 8787 })
 */
export function createCollector(options) {
    if (!options.secretKey)
        throw new Error('createCollector: secretKey is required');
    if (options.writeKeys.length === 0)
        throw new Error('createCollector: give at least one write key');
    const deps = {
        store: options.store,
        metrics: createCollectorMetrics(),
        writeKeys: options.writeKeys,
        secretKey: options.secretKey,
        allowedOrigins: options.allowedOrigins ?? ['*'],
        identitySecret: options.identitySecret || undefined,
        rateLimit: options.rateLimit ?? {},
        trustProxy: options.trustProxy ?? false,
        trackerScriptPath: options.trackerScriptPath,
        now: options.now ?? (() => new Date()),
    };
    const app = new Hono();
    app.use('*', requestMetrics(deps.metrics.requests));
    app.route('/', segmentRoutes(deps));
    app.route('/', brevoRoutes(deps));
    app.route('/', readRoutes(deps));
    app.route('/', healthRoutes(deps));
    app.route('/', trackerScriptRoute(deps));
    app.notFound(notFoundHandler);
    app.onError(errorHandler({ log: options.log, onStoreError: () => deps.metrics.storeErrors.inc() }));
    return app;
}
//# sourceMappingURL=create-collector.js.map