/**
 * The `postgres` driver (3.4.x) can crash the process when a connection drops inside a
 * transaction: `sql.begin` sends `ROLLBACK` on the reserved connection after its socket
 * closed, the driver queues the write on `setImmediate`, and the callback dereferences the
 * null socket (`Cannot read properties of null (reading 'write')` in connection.js
 * `nextWrite`). Nothing is lost at that point — the transaction already failed and its
 * request answered 503 — but an uncaught exception would take every other request down
 * with the process, turning a database blip into a collector outage.
 *
 * This swallows exactly that error, once logged, and leaves every other uncaught exception
 * to whoever handles them (Node's default: print and exit 1).
 */
let installed = false

export function surviveDriverWriteRace(): void {
  if (installed) return
  installed = true
  process.on('uncaughtException', function onUncaughtException(error) {
    if (isDriverWriteRace(error)) {
      console.error('sillage: PostgreSQL connection dropped mid-transaction (postgres driver write race); the connection is discarded, the process goes on')
      return
    }
    // Adding a listener turns off Node's default crash: restore it unless someone else
    // (a test runner) listens too.
    if (process.listenerCount('uncaughtException') > 1) return
    console.error(error)
    process.exit(1)
  })
}

export function isDriverWriteRace(error: unknown): boolean {
  return (
    error instanceof TypeError &&
    error.message.includes("reading 'write'") &&
    /postgres[\\/]src[\\/]connection\.js/.test(error.stack ?? '')
  )
}
