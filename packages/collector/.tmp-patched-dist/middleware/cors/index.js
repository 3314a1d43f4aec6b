import { createMiddleware } from 'hono/factory';
import { ApiError } from '../../errors/api-error.js';
/**
 * CORS for the browser ingestion routes, preflight included. The allow-list is enforced
 * on the server too: a beacon (`text/plain`, no preflight) from an origin not on the
 * list is refused with 403 rather than silently stored. Requests without `Origin`
 * (server libraries, curl) are not browser requests and pass.
 *
 * @example
 * app.use('/v1/batch', ingestionCors({ allowedOrigins: ['https://shop.example'] }))
 */
export function ingestionCors(options) {
    const anyOrigin = options.allowedOrigins.includes('*');
    const allowed = new Set(options.allowedOrigins.map((origin) => origin.replace(/\/+$/, '').toLowerCase()));
    return createMiddleware(async function applyIngestionCors(c, next) {
        const origin = c.req.header('Origin');
        if (!origin) {
            if (c.req.method === 'OPTIONS')
                return c.body(null, 204, { Allow: 'POST, OPTIONS' });
            return next();
        }
        if (!anyOrigin && !allowed.has(origin.toLowerCase())) {
            throw new ApiError(403, 'origin_not_allowed', `Origin ${origin} may not send events; add it to --allowed-origins.`);
        }
        const corsHeaders = {
            'Access-Control-Allow-Origin': anyOrigin ? '*' : origin,
            // The tracker reads Retry-After on 429/503 to back off.
            'Access-Control-Expose-Headers': 'Retry-After',
            ...(anyOrigin ? {} : { Vary: 'Origin' }),
        };
        if (c.req.method === 'OPTIONS') {
            return c.body(null, 204, {
                ...corsHeaders,
                'Access-Control-Allow-Methods': 'POST, OPTIONS',
                'Access-Control-Allow-Headers': 'Content-Type, Content-Encoding, Authorization',
                'Access-Control-Max-Age': '86400',
            });
        }
        await next();
        for (const [name, value] of Object.entries(corsHeaders))
            c.res.headers.set(name, value);
    });
}
//# sourceMappingURL=index.js.map