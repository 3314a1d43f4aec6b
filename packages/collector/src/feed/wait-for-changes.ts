import type { ChangePage, ChangeQuery } from '../events/change.js'
import type { FeedSource } from './feed-source.js'

export interface WaitForChangesOptions extends ChangeQuery {
  /** How long to wait for a first change, in milliseconds; 0 answers at once. */
  waitMs: number
  /**
   * Reads again after this long without a wake-up: a commit this process cannot hear of
   * (another process on the same SQLite file), or PostgreSQL changes still held back
   * behind an older transaction, whose own commit wakes us anyway.
   */
  pollMs?: number
  /** Ends the wait early (the client went away): answers what is there. */
  signal?: AbortSignal
}

/**
 * A long-poll read of the feed: the changes after the cursor, waiting up to `waitMs` for
 * at least one. Woken right after a commit, not by polling.
 *
 * @example
 * const page = await waitForChanges(store, { after: cursor, limit: 100, waitMs: 30_000 })
 */
export async function waitForChanges(source: FeedSource, options: WaitForChangesOptions): Promise<ChangePage> {
  const { waitMs, pollMs = 500, signal, ...query } = options
  const deadline = Date.now() + waitMs
  let wake: (() => void) | null = null
  let woken = false
  // Subscribed before the first read: a commit between the read and the wait still wakes it.
  const unsubscribe = source.onChanges(() => {
    woken = true
    wake?.()
  })
  const onAbort = () => wake?.()
  signal?.addEventListener('abort', onAbort)
  try {
    for (;;) {
      woken = false
      const page = await source.readChanges(query)
      const left = deadline - Date.now()
      if (page.changes.length > 0 || left <= 0 || signal?.aborted) return page
      if (woken) continue
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, Math.min(left, pollMs))
        function done() {
          clearTimeout(timer)
          wake = null
          resolve()
        }
        wake = done
      })
    }
  } finally {
    unsubscribe()
    signal?.removeEventListener('abort', onAbort)
  }
}
