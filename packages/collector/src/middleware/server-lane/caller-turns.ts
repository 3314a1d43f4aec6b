interface Turns {
  running: number
  waiting: Array<() => void>
}

/**
 * Per-caller turns: at most `concurrency` requests of one caller run at once, the
 * others wait in arrival order. Nothing is refused until `maxWaiting` requests of that
 * caller are already waiting. Callers are independent, so one caller's long line never
 * delays another's requests.
 */
export class CallerTurns {
  readonly #callers = new Map<string, Turns>()

  constructor(
    private readonly concurrency: number,
    private readonly maxWaiting: number,
  ) {}

  /**
   * Resolves with a `release` function once it is this request's turn, or with `null`
   * when the caller's line is full.
   */
  async take(key: string): Promise<(() => void) | null> {
    let turns = this.#callers.get(key)
    if (!turns) {
      turns = { running: 0, waiting: [] }
      this.#callers.set(key, turns)
    }
    if (turns.running < this.concurrency) {
      turns.running += 1
    } else {
      if (turns.waiting.length >= this.maxWaiting) return null
      // The releasing request hands its slot over: `running` stays as it is.
      await new Promise<void>((resolve) => turns.waiting.push(resolve))
    }
    return this.#releaser(key, turns)
  }

  /** Requests of `key` waiting for a turn (for tests and metrics). */
  waiting(key: string): number {
    return this.#callers.get(key)?.waiting.length ?? 0
  }

  #releaser(key: string, turns: Turns): () => void {
    let released = false
    return () => {
      if (released) return
      released = true
      const next = turns.waiting.shift()
      if (next) return next()
      turns.running -= 1
      if (turns.running === 0) this.#callers.delete(key)
    }
  }
}
