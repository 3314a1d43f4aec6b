import type { IdentityStatus } from '@sillage/protocol';
export interface IdentityClaims {
    anonymousId: string | null;
    userId: string | null;
    email: string | null;
    /** `context.userHash`, as sent. */
    userHash: unknown;
}
export type ResolvedIdentity = {
    ok: true;
    anonymousId: string | null;
    userId: string | null;
    email: string | null;
    identity: IdentityStatus;
} | {
    ok: false;
    error: string;
};
/**
 * Decides how far an event's identity claims can be trusted (CONTRACT §4). With an
 * identity secret set, a userId/email from a public write key counts only with a valid
 * user hash; otherwise the event is `unverified` and the store files it under its
 * anonymousId alone. Secret-key and Brevo calls come from the site owner's servers and
 * are trusted as they are. An event left without any usable identifier is refused.
 *
 * @example
 * resolveIdentity({ anonymousId: 'a1', userId: 'u1', email: null, userHash: undefined }, { identitySecret: 's', trusted: false })
 * // { ok: true, identity: 'unverified', anonymousId: 'a1', userId: 'u1', email: null }
 */
export declare function resolveIdentity(claims: IdentityClaims, options: {
    identitySecret?: string | undefined;
    trusted: boolean;
}): ResolvedIdentity;
//# sourceMappingURL=resolve-identity.d.ts.map