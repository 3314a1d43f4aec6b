/**
 * Token buckets keyed by caller: `burst` requests at once, refilled at
 * `requestsPerSecond`. Full buckets are forgotten once the map grows, so a scan of
 * many keys cannot grow memory without bound.
 */
export declare class TokenBuckets {
    #private;
    private readonly requestsPerSecond;
    private readonly burst;
    private readonly maxKeys;
    constructor(requestsPerSecond: number, burst: number, maxKeys?: number);
    /** Takes one token; returns 0 when granted, else the seconds to wait. */
    take(key: string, now: number): number;
}
//# sourceMappingURL=token-buckets.d.ts.map