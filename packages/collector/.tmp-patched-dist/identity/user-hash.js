import { createHmac, timingSafeEqual } from 'node:crypto';
/**
 * The user hash a server hands to the page so the tracker can prove who is logged in
 * (Intercom's identity verification): hex HMAC-SHA256 of the userId, or of the email
 * when there is no userId, keyed with the collector's `--identity-secret`.
 *
 * @example
 * // in your server's page template
 * const userHash = computeUserHash(process.env.SILLAGE_IDENTITY_SECRET, user.id)
 * // in the page
 * sillage.identify({ userId: user.id, email: user.email, userHash })
 */
export function computeUserHash(identitySecret, userIdOrEmail) {
    return createHmac('sha256', identitySecret).update(userIdOrEmail).digest('hex');
}
/** Constant-time check of a claimed user hash. */
export function isValidUserHash(identitySecret, userIdOrEmail, claimedHash) {
    if (typeof claimedHash !== 'string' || !/^[0-9a-f]{64}$/i.test(claimedHash))
        return false;
    const expected = Buffer.from(computeUserHash(identitySecret, userIdOrEmail), 'hex');
    return timingSafeEqual(expected, Buffer.from(claimedHash, 'hex'));
}
//# sourceMappingURL=user-hash.js.map