import type { CollectorEnv } from '../../collector-env.js';
/**
 * Guards the read/admin API: `Authorization: Bearer <secret key>`. Write keys are
 * public (they sit in every page), so they never open this door.
 *
 * @example
 * app.use('/v1/contacts/*', secretKeyAuth({ secretKey }))
 */
export declare function secretKeyAuth(options: {
    secretKey: string;
}): import("hono").MiddlewareHandler<CollectorEnv, string, {}, Response>;
//# sourceMappingURL=secret-key-auth.d.ts.map