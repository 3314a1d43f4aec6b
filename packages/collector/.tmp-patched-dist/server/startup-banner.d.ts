import type { CollectorKeys } from '../config/collector-keys.js';
export interface BannerFacts {
    url: string;
    storeDescription: string;
    keys: CollectorKeys;
    identityVerification: boolean;
    allowedOrigins: readonly string[];
}
/**
 * What the CLI prints once it listens: where it is, what it stores into, the keys,
 * and the script tag to paste into a site.
 *
 * @example
 * console.log(startupBanner({ url, storeDescription: store.description, keys, identityVerification: false, allowedOrigins: ['*'] }))
 */
export declare function startupBanner(facts: BannerFacts): string;
//# sourceMappingURL=startup-banner.d.ts.map