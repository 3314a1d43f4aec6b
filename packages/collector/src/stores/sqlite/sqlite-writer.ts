import type { Database } from 'better-sqlite3'

interface Job {
  work: () => Promise<unknown>
  resolve: (value: unknown) => void
  reject: (error: unknown) => void
}

/**
 * The only path to the writer connection. better-sqlite3 is synchronous and one
 * connection holds one transaction, so jobs (async identity pipelines) run strictly one
 * after another — never interleaved. Jobs queued while a commit is under way share the
 * next transaction (group commit). Each job runs inside its own SAVEPOINT, so a failing
 * job is undone alone and the others still commit. A job's promise settles only after
 * COMMIT returned and, when `syncAfterCommit` is given, after it resolved: ack after
 * commit. That sync runs off the thread; meanwhile the caller's thread goes on serving
 * requests, whose jobs form the next group.
 *
 * @example
 * const writer = new SqliteWriter(db, toStoreError, () => walSync.sync())
 * const result = await writer.run(() => ingestEvents(tx, events))
 */
export class SqliteWriter {
  private readonly queue: Job[] = []
  private draining: Promise<void> | null = null
  private durable: Promise<void> = Promise.resolve()
  private readonly sql

  constructor(
    private readonly db: Database,
    private readonly toStoreError: (error: unknown) => unknown,
    private readonly syncAfterCommit?: () => Promise<void>,
  ) {
    this.sql = {
      begin: db.prepare('BEGIN IMMEDIATE'),
      commit: db.prepare('COMMIT'),
      rollback: db.prepare('ROLLBACK'),
      savepoint: db.prepare('SAVEPOINT job'),
      release: db.prepare('RELEASE job'),
      rollbackToSavepoint: db.prepare('ROLLBACK TO job'),
    }
  }

  run<T>(work: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject })
      this.draining ??= this.drain()
    })
  }

  /** Resolves once every job queued so far has settled. */
  async idle(): Promise<void> {
    while (this.draining !== null) await this.draining
    await this.durable
  }

  private async drain(): Promise<void> {
    // One turn of the event loop lets requests that arrived together join this commit.
    await new Promise<void>((resolve) => setImmediate(resolve))
    while (this.queue.length > 0) {
      // While the previous group's sync is under way, requests keep arriving and join the
      // next group: one commit and one fsync per disk round, however small the requests.
      await this.durable
      await this.commitGroup(this.queue.splice(0))
    }
    this.draining = null
  }

  private async commitGroup(group: Job[]): Promise<void> {
    const outcomes: Array<() => void> = []
    try {
      this.sql.begin.run()
      for (const job of group) outcomes.push(await this.runInSavepoint(job))
      this.sql.commit.run()
    } catch (error) {
      if (this.db.inTransaction) this.sql.rollback.run()
      const refusal = this.toStoreError(error)
      for (const job of group) job.reject(refusal)
      return
    }
    const settle = () => outcomes.forEach((outcome) => outcome())
    const sync = this.syncAfterCommit
    if (sync === undefined) return settle()
    // Committed but maybe not on disk yet: refuse rather than acknowledge on a failed sync
    // (the client retries; the retry is answered as a duplicate).
    const refuse = (error: unknown) => group.forEach((job) => job.reject(this.toStoreError(error)))
    this.durable = this.durable.then(sync).then(settle, refuse)
  }

  private async runInSavepoint(job: Job): Promise<() => void> {
    this.sql.savepoint.run()
    try {
      const value = await job.work()
      this.sql.release.run()
      return () => job.resolve(value)
    } catch (error) {
      this.sql.rollbackToSavepoint.run()
      this.sql.release.run()
      return () => job.reject(this.toStoreError(error))
    }
  }
}
