import type { PendingQuery, Row, RowList } from 'postgres'

/**
 * The statements of one transaction, written without waiting for each answer: a write is
 * sent at once but only awaited by the next `read` or by `settle`, so a run of writes and
 * the read after them share one network round trip (the driver sends everything issued in
 * the same tick in one packet, and PostgreSQL runs them in order). Nothing is lost in the
 * order or in the errors: a read runs after every earlier write, and when a write failed,
 * the read and `settle` throw that write's error (say a unique violation, which the store
 * retries), not the "transaction is aborted" error of the statements after it.
 *
 * @example
 * const pipeline = new StatementPipeline()
 * pipeline.send(sql`INSERT INTO contacts …`)        // not awaited
 * const rows = await pipeline.read(sql`SELECT …`)   // one round trip for both
 * await pipeline.settle()                           // before the transaction commits
 */
export class StatementPipeline {
  private unanswered: Promise<void>[] = []
  private failure: { error: unknown } | null = null

  send(statement: PendingQuery<Row[]>): void {
    this.unanswered.push(
      statement.execute().then(
        () => {},
        (error: unknown) => {
          this.failure ??= { error }
        },
      ),
    )
  }

  async read<T extends readonly Row[]>(query: PendingQuery<T>): Promise<RowList<T>> {
    const sentBefore = this.unanswered.length
    try {
      const rows = await query
      // A read answered means every write sent before it was answered without error.
      this.unanswered.splice(0, sentBefore)
      return rows
    } catch (error) {
      await this.settle()
      throw error
    }
  }

  /** Waits for every write sent so far; throws the first one's error, if any failed. */
  async settle(): Promise<void> {
    await Promise.all(this.unanswered.splice(0))
    if (this.failure !== null) throw this.failure.error
  }
}
