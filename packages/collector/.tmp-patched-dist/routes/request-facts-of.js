import { clientAddress } from '../normalise/client-address.js';
/**
 * The per-request facts the normalisers stamp on every event: who sent it (after
 * auth), when it arrived, and from which address and user agent.
 */
export function requestFactsOf(c, deps) {
    return {
        source: c.var.source,
        trusted: c.var.trusted,
        receivedAt: deps.now(),
        ip: clientAddress(c, { trustProxy: deps.trustProxy }),
        userAgent: c.req.header('User-Agent') ?? null,
    };
}
//# sourceMappingURL=request-facts-of.js.map