import type { Context } from 'hono';
import type { CollectorEnv } from '../collector-env.js';
import type { RequestFacts } from '../normalise/request-facts.js';
import type { RouteDeps } from './route-deps.js';
/**
 * The per-request facts the normalisers stamp on every event: who sent it (after
 * auth), when it arrived, and from which address and user agent.
 */
export declare function requestFactsOf(c: Context<CollectorEnv>, deps: Pick<RouteDeps, 'trustProxy' | 'now'>): RequestFacts;
//# sourceMappingURL=request-facts-of.d.ts.map