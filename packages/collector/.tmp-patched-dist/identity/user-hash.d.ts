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
export declare function computeUserHash(identitySecret: string, userIdOrEmail: string): string;
/** Constant-time check of a claimed user hash. */
export declare function isValidUserHash(identitySecret: string, userIdOrEmail: string, claimedHash: unknown): boolean;
//# sourceMappingURL=user-hash.d.ts.map