import { createHash, timingSafeEqual } from 'node:crypto';
const digest = (value) => createHash('sha256').update(value).digest();
/**
 * Constant-time comparison with the secret key: hashing both sides first makes the
 * lengths equal, so neither the content nor the length leaks through timing.
 */
export function isSecretKey(candidate, secretKey) {
    if (!candidate)
        return false;
    return timingSafeEqual(digest(candidate), digest(secretKey));
}
//# sourceMappingURL=is-secret-key.js.map