import type { Database } from 'better-sqlite3'

interface Job {
  work: () => Promise<unknown>
  resolve: (value: unknown) => void
  reject: (error: unknown) => void
}

/**
 * The only path to the writer connection. better-sqlite3 is synchronous and one
 * connection holds one transaction, so jobs (any async work on the transaction) run strictly one
 * after another — never interleaved. Jobs queued while a commit is under way share the
 * next transaction (group commit). A failing job is undone alone and the others still
 * commit: when one throws, the group is rolled back and run again with a SAVEPOINT per
 * job. A job's promise settles only after COMMIT returned — with `synchronous=FULL`,
 * after the WAL is on disk: ack after commit.
 *
 * Why not a savepoint per job from the start: SQLite copies every page a savepoint is the
 * first to change into its sub-journal, a temporary file. Under batch-20 load that was
 * a large share of the writer's time, for jobs that fail only on a bug or a broken disk.
 *
 * @example
 * const writer = new SqliteWriter(db, toStoreError)
 * const outcome = await writer.run(() => ingestInTransaction(tx, events))
 */
export class SqliteWriter {
  private readonly queue: Job[] = []
  private draining: Promise<void> | null = null
  private readonly sql

  /**
   * `afterCommit` runs after each COMMIT that returned, before the jobs are answered; when
   * it fails (the WAL could not be flushed to disk), the group's jobs fail with its error.
   */
  constructor(
    private readonly db: Database,
    private readonly toStoreError: (error: unknown) => unknown,
    private readonly afterCommit: () => void | Promise<void> = () => {},
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
    let outcomes: Array<() => void>
    try {
      this.sql.begin.run()
      const values = await this.runTogether(group)
      if (values !== null) outcomes = group.map((job, i) => () => job.resolve(values[i]))
      else {
        // (SQLite may have rolled back already: some errors, a full disk, end the transaction.)
        if (this.db.inTransaction) this.sql.rollback.run()
        this.sql.begin.run()
        outcomes = []
        for (const job of group) outcomes.push(await this.runInSavepoint(job))
      }
      this.sql.commit.run()
      await this.afterCommit()
    } catch (error) {
      if (this.db.inTransaction) this.sql.rollback.run()
      const refusal = this.toStoreError(error)
      for (const job of group) job.reject(refusal)
      return
    }
    for (const outcome of outcomes) outcome()
  }

  /**
   * Every job's value, in order; null as soon as one throws (the error is not kept: the
   * second pass, a savepoint per job, finds it again and gives it to that job alone). A
   * job alone has nobody to be kept apart from: its error goes straight to the group's.
   */
  private async runTogether(group: Job[]): Promise<unknown[] | null> {
    const values: unknown[] = []
    try {
      for (const job of group) values.push(await job.work())
      return values
    } catch (error) {
      if (group.length === 1) throw error
      return null
    }
  }

  private async runInSavepoint(job: Job): Promise<() => void> {
    this.sql.savepoint.run()
    try {
      const value = await job.work()
      this.sql.release.run()
      return () => job.resolve(value)
    } catch (error) {
      // The transaction is gone (SQLite ended it on this error): the group fails, for this reason.
      if (!this.db.inTransaction) throw error
      this.sql.rollbackToSavepoint.run()
      this.sql.release.run()
      return () => job.reject(this.toStoreError(error))
    }
  }
}
