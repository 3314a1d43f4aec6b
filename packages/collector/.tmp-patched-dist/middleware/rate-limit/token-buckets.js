/**
 * Token buckets keyed by caller: `burst` requests at once, refilled at
 * `requestsPerSecond`. Full buckets are forgotten once the map grows, so a scan of
 * many keys cannot grow memory without bound.
 */
export class TokenBuckets {
    requestsPerSecond;
    burst;
    maxKeys;
    #buckets = new Map();
    constructor(requestsPerSecond, burst, maxKeys = 10_000) {
        this.requestsPerSecond = requestsPerSecond;
        this.burst = burst;
        this.maxKeys = maxKeys;
    }
    /** Takes one token; returns 0 when granted, else the seconds to wait. */
    take(key, now) {
        const bucket = this.#refilled(key, now);
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            return 0;
        }
        return Math.max(1, Math.ceil((1 - bucket.tokens) / this.requestsPerSecond));
    }
    #refilled(key, now) {
        let bucket = this.#buckets.get(key);
        if (!bucket) {
            if (this.#buckets.size >= this.maxKeys)
                this.#forgetFullBuckets(now);
            bucket = { tokens: this.burst, updatedAt: now };
            this.#buckets.set(key, bucket);
        }
        const elapsedSeconds = Math.max(0, now - bucket.updatedAt) / 1000;
        bucket.tokens = Math.min(this.burst, bucket.tokens + elapsedSeconds * this.requestsPerSecond);
        bucket.updatedAt = now;
        return bucket;
    }
    #forgetFullBuckets(now) {
        const secondsToFill = this.burst / this.requestsPerSecond;
        for (const [key, bucket] of this.#buckets) {
            if ((now - bucket.updatedAt) / 1000 >= secondsToFill)
                this.#buckets.delete(key);
        }
    }
}
//# sourceMappingURL=token-buckets.js.map