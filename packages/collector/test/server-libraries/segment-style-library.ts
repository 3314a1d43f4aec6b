/** One call as the Segment-spec server libraries take it (their own option names). */
export interface LibraryCall {
  type: 'identify' | 'track' | 'page' | 'alias'
  userId?: string
  /** `null` as well: server code passes `user?.deviceId ?? null` through, and the libraries send it. */
  anonymousId?: string | null
  previousId?: string
  event?: string
  name?: string
  traits?: Record<string, unknown>
  properties?: Record<string, unknown>
}

/** What a client reported once settled: the errors of the calls it gave up on (none when all were delivered). */
export interface Settled {
  errors: unknown[]
}

/** A Segment-spec server library (RudderStack, Segment classic, Segment's current SDK) at its default options. */
export interface SegmentStyleLibrary {
  /** The npm name, as the collector stores it in `context.library.name`. */
  libraryName: string
  /** A client at default options; only the host points at `host`. */
  open(host: string): SegmentStyleClient
}

export interface SegmentStyleClient {
  call(call: LibraryCall): void
  /** Flushes what is still queued and resolves once every call made so far has succeeded or failed. */
  settle(): Promise<Settled>
}

/**
 * Collects each call's outcome from the library's own per-call callback, which the
 * libraries invoke only once the call is delivered or their retries are over.
 */
export function callOutcomes() {
  const pending: Array<Promise<unknown>> = []
  return {
    /** A callback to hand to the library for one call. */
    next(): (error?: unknown) => void {
      let done!: (error: unknown) => void
      pending.push(new Promise((resolve) => (done = resolve)))
      return (error) => done(error ?? null)
    },
    async settled(): Promise<Settled> {
      const results = await Promise.all(pending)
      return { errors: results.filter((error) => error !== null) }
    },
  }
}
