import { serve } from '@hono/node-server';
/**
 * Serves the app on `host:port` and resolves once it listens (port 0 picks a free
 * port); rejects when it cannot (port taken, address not available).
 *
 * @example
 * const { url } = await listen(app, { host: '127.0.0.1', port: 0 })
 */
export function listen(app, options) {
    return new Promise((resolvePromise, reject) => {
        const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, (info) => {
            server.off('error', reject);
            resolvePromise({ server: server, url: `http://${urlHost(options.host)}:${info.port}` });
        });
        server.once('error', reject);
    });
}
function urlHost(host) {
    if (host === '0.0.0.0' || host === '::')
        return 'localhost';
    return host.includes(':') ? `[${host}]` : host;
}
/**
 * Stops accepting connections, lets requests in flight finish (their events are
 * committed before they answer), then resolves. After `graceMs` the remaining
 * connections are cut.
 *
 * @example
 * await closeServer(server, 10_000)
 * await store.close()
 */
export function closeServer(server, graceMs) {
    return new Promise((resolvePromise) => {
        const timer = setTimeout(() => server.closeAllConnections(), graceMs);
        timer.unref();
        server.close(() => {
            clearTimeout(timer);
            resolvePromise();
        });
        server.closeIdleConnections();
    });
}
//# sourceMappingURL=listen.js.map