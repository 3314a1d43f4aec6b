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
 * COMMIT returned — with `synchronous=FULL`, after the WAL is on disk: ack after commit.
 *
 * @example
 * const writer = new SqliteWriter(db, toStoreError)
 * const result = await writer.run(() => ingestEvents(tx, events))
 */
export class SqliteWriter {
  private readonly queue: Job[] = []
  private draining: Promise<void> | null = null
  private readonly sql

  constructor(
    private readonly db: Database,
    private readonly toStoreError: (error: unknown) => unknown,
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
  }

  private async drain(): Promise<void> {
    // One turn of the event loop lets requests that arrived together join this commit.
    // Those that arrive while it runs (its fsync included) form the next group.
    await new Promise<void>((resolve) => setImmediate(resolve))
    while (this.queue.length > 0) await this.commitGroup(this.queue.splice(0))
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
    for (const outcome of outcomes) outcome()
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
