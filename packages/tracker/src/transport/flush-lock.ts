/**
 * Runs `task` only if no other tab of the origin is flushing (Web Locks, `ifAvailable`);
 * resolves without running it otherwise, since that tab sends the shared queue.
 * Where Web Locks are missing, tabs may flush concurrently: that can only send an event
 * twice, which the collector de-duplicates by messageId, and deletion is by key, so
 * nothing is lost.
 *
 * @example
 * await withFlushLock('sillage-flush-WK', sendQueued)
 */
export function withFlushLock(name: string, task: () => Promise<void>): Promise<void> {
  const locks = navigator.locks
  if (!locks) return task()
  // A lock manager that fails (opaque origins) must not stop delivery: run unlocked.
  return (locks.request(name, { ifAvailable: true }, (lock) => lock && task()) as unknown as Promise<void>).catch(task)
}
