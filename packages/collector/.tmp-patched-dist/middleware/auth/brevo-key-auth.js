import { createMiddleware } from 'hono/factory';
import { ApiError } from '../../errors/api-error.js';
import { isSecretKey } from './is-secret-key.js';
/** De-duplication source of events received on the Brevo-compatible routes. */
export const BREVO_SOURCE = 'brevo';
/**
 * Guards the Brevo-compatible `/v3/events` routes the way Brevo does: the key in the
 * `api-key` header. Here that key is the collector's secret key.
 *
 * @example
 * app.post('/v3/events', brevoKeyAuth({ secretKey }), jsonBody(), handler)
 */
export function brevoKeyAuth(options) {
    return createMiddleware(async function authenticateBrevoKey(c, next) {
        const key = c.req.header('api-key');
        if (!key)
            throw new ApiError(401, 'unauthorized', 'Missing api-key header: send the collector secret key in it.');
        if (!isSecretKey(key, options.secretKey)) {
            throw new ApiError(401, 'unauthorized', 'Wrong api-key: use the collector secret key (--secret-key).');
        }
        c.set('source', BREVO_SOURCE);
        c.set('trusted', true);
        await next();
    });
}
//# sourceMappingURL=brevo-key-auth.js.map