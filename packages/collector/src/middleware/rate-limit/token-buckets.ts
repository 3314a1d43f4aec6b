interface Bucket {
  tokens: number
  updatedAt: number
}

/**
 * Token buckets keyed by caller: `burst` requests at once, refilled at
 * `requestsPerSecond`. Full buckets are forgotten once the map grows, so a scan of
 * many keys cannot grow memory without bound.
 */
export class TokenBuckets {
  readonly #buckets = new Map<string, Bucket>()

  constructor(
    private readonly requestsPerSecond: number,
    private readonly burst: number,
    private readonly maxKeys = 10_000,
  ) {}

  /** Takes one token; returns 0 when granted, else the seconds to wait. */
  take(key: string, now: number): number {
    const bucket = this.#refilled(key, now)
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1
      return 0
    }
    return this.#secondsToOneToken(bucket)
  }

  /** The seconds until `key` may take a token (0: now), without taking one. */
  waitSeconds(key: string, now: number): number {
    const bucket = this.#buckets.get(key)
    if (bucket === undefined) return 0
    return this.#refilled(key, now).tokens >= 1 ? 0 : this.#secondsToOneToken(bucket)
  }

  #secondsToOneToken(bucket: Bucket): number {
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.requestsPerSecond))
  }

  #refilled(key: string, now: number): Bucket {
    let bucket = this.#buckets.get(key)
    if (!bucket) {
      if (this.#buckets.size >= this.maxKeys) this.#forgetFullBuckets(now)
      bucket = { tokens: this.burst, updatedAt: now }
      this.#buckets.set(key, bucket)
    }
    const elapsedSeconds = Math.max(0, now - bucket.updatedAt) / 1000
    bucket.tokens = Math.min(this.burst, bucket.tokens + elapsedSeconds * this.requestsPerSecond)
    bucket.updatedAt = now
    return bucket
  }

  #forgetFullBuckets(now: number): void {
    const secondsToFill = this.burst / this.requestsPerSecond
    for (const [key, bucket] of this.#buckets) {
      if ((now - bucket.updatedAt) / 1000 >= secondsToFill) this.#buckets.delete(key)
    }
  }
}
