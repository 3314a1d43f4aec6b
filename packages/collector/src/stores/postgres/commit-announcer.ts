/**
 * Tells the other collectors on this schema that changes committed (a NOTIFY their LISTEN
 * turns into wake-ups), after the commit rather than inside the transaction: PostgreSQL
 * makes a notifying transaction hold one database-wide lock through its commit, WAL flush
 * included, so notifying writers would commit one at a time. Announcements asked for while
 * one is on its way become a single next one. If it never goes out (the database is gone,
 * the process dies), the readers find the changes at their next poll.
 *
 * @example
 * const announcer = new CommitAnnouncer(() => sql`SELECT pg_notify(${channel}, '')`)
 * announcer.announce() // after each commit that appended changes
 */
export class CommitAnnouncer {
  private sending: Promise<void> | null = null
  private again = false

  constructor(private readonly send: () => PromiseLike<unknown>) {}

  announce(): void {
    if (this.sending !== null) {
      this.again = true
      return
    }
    this.sending = this.sendUntilCaughtUp()
  }

  private async sendUntilCaughtUp(): Promise<void> {
    do {
      this.again = false
      try {
        await this.send()
      } catch {
        // Nothing to undo and nobody to tell: the readers poll.
      }
    } while (this.again)
    this.sending = null
  }
}
