import type { Server } from 'node:http';
import type { Hono } from 'hono';
import type { CollectorEnv } from '../collector-env.js';
export interface Listening {
    server: Server;
    /** The base URL to print and to put in the script tag. */
    url: string;
}
/**
 * Serves the app on `host:port` and resolves once it listens (port 0 picks a free
 * port); rejects when it cannot (port taken, address not available).
 *
 * @example
 * const { url } = await listen(app, { host: '127.0.0.1', port: 0 })
 */
export declare function listen(app: Hono<CollectorEnv>, options: {
    host: string;
    port: number;
}): Promise<Listening>;
/**
 * Stops accepting connections, lets requests in flight finish (their events are
 * committed before they answer), then resolves. After `graceMs` the remaining
 * connections are cut.
 *
 * @example
 * await closeServer(server, 10_000)
 * await store.close()
 */
export declare function closeServer(server: Server, graceMs: number): Promise<void>;
//# sourceMappingURL=listen.d.ts.map