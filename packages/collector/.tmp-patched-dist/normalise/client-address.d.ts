import type { Context } from 'hono';
import type { CollectorEnv } from '../collector-env.js';
/**
 * The address of the client that sent the request. Behind a reverse proxy the socket
 * address is the proxy's, so `trustProxy` takes the first `X-Forwarded-For` entry
 * instead; it is off by default because any client can forge that header.
 *
 * @example
 * clientAddress(c, { trustProxy: false }) // '203.0.113.7', or null under app.request()
 */
export declare function clientAddress(c: Context<CollectorEnv>, options: {
    trustProxy: boolean;
}): string | null;
//# sourceMappingURL=client-address.d.ts.map