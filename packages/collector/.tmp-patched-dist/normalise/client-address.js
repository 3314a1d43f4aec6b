/**
 * The address of the client that sent the request. Behind a reverse proxy the socket
 * address is the proxy's, so `trustProxy` takes the first `X-Forwarded-For` entry
 * instead; it is off by default because any client can forge that header.
 *
 * @example
 * clientAddress(c, { trustProxy: false }) // '203.0.113.7', or null under app.request()
 */
export function clientAddress(c, options) {
    if (options.trustProxy) {
        const forwarded = c.req.header('X-Forwarded-For')?.split(',')[0]?.trim();
        if (forwarded)
            return forwarded;
    }
    const address = c.env?.incoming?.socket?.remoteAddress ?? null;
    // IPv4 clients of a dual-stack socket show up as ::ffff:1.2.3.4.
    return address?.startsWith('::ffff:') ? address.slice(7) : address;
}
//# sourceMappingURL=client-address.js.map