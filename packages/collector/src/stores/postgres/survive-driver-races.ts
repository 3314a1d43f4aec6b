import { isPostgresUnavailable } from './postgres-store-error.js'

/**
 * The `postgres` driver (3.4.x) can crash the process when a connection drops inside a
 * transaction, in two ways. Nothing is lost either way — the transaction already failed
 * and its request was answered 503 — but an uncaught error would take every other request
 * down with the process, turning a database blip into a collector outage.
 *
 * - `sql.begin` sends `ROLLBACK` on the reserved connection after its socket closed; the
 *   driver queues the write on `setImmediate` and the callback dereferences the null
 *   socket (`Cannot read properties of null (reading 'write')` in connection.js).
 * - `sql.begin` answers `Promise.race([scope(…), connection closed])`: once the close wins,
 *   the transaction's own promise is left unobserved, and when its late ROLLBACK fails
 *   (ECONNREFUSED, ECONNRESET…) that rejection is unhandled (1 outage test in 12).
 *
 * This swallows exactly those, each logged, and leaves every other error to Node's default
 * (print and exit 1). Our own code awaits every promise it makes, so an unobserved
 * "database unavailable" rejection can only be the driver's abandoned transaction.
 */
let installed = false

export function surviveDriverRaces(): void {
  if (installed) return
  installed = true
  process.on('uncaughtException', function onUncaughtException(error) {
    if (isDriverWriteRace(error)) {
      console.error(
        'sillage: PostgreSQL connection dropped mid-transaction (postgres driver write race); the connection is discarded, the process goes on',
      )
      return
    }
    // Adding a listener turns off Node's default crash: restore it unless someone else
    // (a test runner) listens too.
    if (process.listenerCount('uncaughtException') > 1) return
    console.error(error)
    process.exit(1)
  })
  process.on('unhandledRejection', function onUnhandledRejection(reason) {
    if (!isPostgresUnavailable(reason)) throw reason // Node's default: an uncaught exception
    console.error(
      `sillage: PostgreSQL connection dropped mid-transaction (postgres driver: the rollback of an abandoned transaction failed: ${String(reason)}); the process goes on`,
    )
  })
}

export function isDriverWriteRace(error: unknown): boolean {
  return (
    error instanceof TypeError &&
    error.message.includes("reading 'write'") &&
    /postgres[\\/]src[\\/]connection\.js/.test(error.stack ?? '')
  )
}
