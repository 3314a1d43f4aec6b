import type { Sql, TransactionSql } from 'postgres'
import { StoreUnavailableError } from '../store.js'
import { isPostgresConflict } from './postgres-store-error.js'

interface Job {
  work: (sql: TransactionSql) => Promise<unknown>
  resolve: (value: unknown) => void
  reject: (error: unknown) => void
  attempt: number
}

export interface GroupWriterLimits {
  /** Transactions in flight at once, each on a connection of its own. */
  groups: number
  /** Jobs sharing one transaction. */
  jobsPerGroup: number
  /** Runs of a job that keeps losing races (unique violation, deadlock…) before it fails. */
  attempts: number
}

/**
 * Jobs queued while transactions are in flight share the next transaction (group
 * commit): one BEGIN, one COMMIT and one WAL flush for many requests, instead of one
 * each. Each job runs inside its own SAVEPOINT, so a failing job is undone alone and the
 * others still commit. A job's promise settles only after COMMIT returned: ack after commit.
 *
 * A job that lost a race with another transaction (maybe another collector's) is rolled
 * back to its savepoint and run again in a later group, once the rows it waited for are
 * committed. When the transaction itself fails (the connection dropped, the COMMIT
 * failed), nothing of the group is acknowledged: every job fails with that error.
 *
 * @example
 * const writer = new PostgresGroupWriter(sql, { groups: 5, jobsPerGroup: 32, attempts: 12 }, toStoreError)
 * const result = await writer.run((tx) => ingestInto(tx, events))
 */
export class PostgresGroupWriter {
  private readonly queue: Job[] = []
  private groupsInFlight = 0

  constructor(
    private readonly sql: Sql,
    private readonly limits: GroupWriterLimits,
    private readonly toStoreError: (error: unknown) => unknown,
    /** Runs first in every transaction, outside the jobs' savepoints (see `PostgresStore`). */
    private readonly begin: (sql: TransactionSql) => Promise<unknown> = async () => {},
  ) {}

  run<T>(work: (sql: TransactionSql) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject, attempt: 1 })
      this.startGroups()
    })
  }

  private startGroups(): void {
    while (this.groupsInFlight < this.limits.groups && this.queue.length > 0) {
      this.groupsInFlight += 1
      void this.commitGroup(this.queue.splice(0, this.limits.jobsPerGroup)).finally(() => {
        this.groupsInFlight -= 1
        this.startGroups()
      })
    }
  }

  private async commitGroup(group: Job[]): Promise<void> {
    const succeeded: Array<{ job: Job; value: unknown }> = []
    const failed: Array<{ job: Job; error: unknown }> = []
    let abandoned = false
    try {
      await this.sql.begin(async (tx) => {
        // Sent, not awaited: the connection runs it before the jobs' statements, which share
        // its round trip. Awaited before COMMIT, so its own error is the one thrown.
        const began = this.begin(tx).then(
          () => null,
          (error: unknown) => ({ error }),
        )
        const throwIfBeginFailed = async (): Promise<void> => {
          const failure = await began
          if (failure !== null) throw failure.error
        }
        // A job alone needs no savepoint (one round trip less): its failure is the group's.
        if (group.length === 1) {
          try {
            const value = await group[0]!.work(tx)
            await throwIfBeginFailed()
            return void succeeded.push({ job: group[0]!, value })
          } catch (error) {
            await throwIfBeginFailed()
            throw error
          }
        }
        for (const job of group) {
          // The driver gives up a transaction whose connection closed without waiting for
          // this loop: start nothing more on that connection, and do not let it COMMIT.
          if (abandoned) throw new Error('PostgreSQL store: the connection of this transaction closed')
          try {
            succeeded.push({ job, value: await tx.savepoint((savepoint) => job.work(savepoint)) })
          } catch (error) {
            if (failsTheTransaction(error, this.toStoreError)) throw error
            await throwIfBeginFailed()
            failed.push({ job, error })
          }
        }
        await throwIfBeginFailed()
      })
    } catch (error) {
      abandoned = true
      for (const job of group) this.retryOrReject(job, error)
      return
    }
    for (const { job, value } of succeeded) job.resolve(value)
    for (const { job, error } of failed) this.retryOrReject(job, error)
  }

  private retryOrReject(job: Job, error: unknown): void {
    if (job.attempt >= this.limits.attempts || !isPostgresConflict(error)) {
      job.reject(this.toStoreError(error))
      return
    }
    job.attempt += 1
    // A little later and at random, so two collectors that collided do not collide again.
    setTimeout(
      () => {
        this.queue.push(job)
        this.startGroups()
      },
      Math.random() * 5 * job.attempt,
    )
  }
}

/**
 * Errors after which the transaction cannot go on: the database went away, or the
 * rollback to the job's savepoint failed (no such savepoint: the transaction is aborted,
 * and a COMMIT would silently roll everything back).
 */
function failsTheTransaction(error: unknown, toStoreError: (error: unknown) => unknown): boolean {
  return toStoreError(error) instanceof StoreUnavailableError || (error as { code?: unknown } | null)?.code === '3B001'
}
