/**
 * Wakes the feed's in-process readers (long-polls, consumers) after a commit, instead of
 * letting them poll. A listener that throws is the listener's bug: the others still run.
 *
 * @example
 * const commits = new CommitSignal()
 * const stop = commits.subscribe(() => follower.wake())
 * commits.notify() // after COMMIT
 */
export class CommitSignal {
  private readonly listeners = new Set<() => void>()

  subscribe(listener: () => void): () => void {
    // A wrapper per subscription: the same function subscribed twice is two subscriptions.
    const entry = () => listener()
    this.listeners.add(entry)
    return () => this.listeners.delete(entry)
  }

  notify(): void {
    for (const listener of [...this.listeners]) {
      try {
        listener()
      } catch (error) {
        process.emitWarning(`A change-feed listener failed: ${error instanceof Error ? error.message : String(error)}`)
      }
    }
  }
}
