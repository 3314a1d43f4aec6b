import { StoreUnavailableError } from '../store.js'

/** Client-side codes of the `postgres` driver and Node sockets meaning "no database there". */
const connectionCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'EAI_AGAIN',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
])

/**
 * SQLSTATEs meaning the server cannot serve us now: connection exceptions (08), too many
 * connections / out of disk or memory (53), shutting down or starting (57P01–57P03),
 * failed login (28), a database that does not exist (3D000), read-only replica (25006).
 */
const unavailableStates = /^(08|53|28|57P0[123]|3D000|25006)/

/** SQLSTATEs of a lost race with another transaction: the batch is simply run again. */
const conflictStates = new Set(['40001', '40P01', '23505', '23503'])

function codeOf(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : null
}

/**
 * True when another transaction (maybe in another collector) got there first: a unique
 * identity or messageId it just committed, a contact it merged away, a deadlock or a
 * serialization failure. Retrying the whole batch then sees its outcome.
 *
 * @example
 * if (isPostgresConflict(error) && attempt < maxAttempts) continue
 */
export function isPostgresConflict(error: unknown): boolean {
  return conflictStates.has(codeOf(error) ?? '')
}

/** True when the error means the database is not reachable or not serving right now. */
export function isPostgresUnavailable(error: unknown): boolean {
  const code = codeOf(error)
  return code !== null && (connectionCodes.has(code) || unavailableStates.test(code))
}

/**
 * `StoreUnavailableError` for errors that mean "the database is not reachable or not
 * serving right now"; any other error (a bug) is returned unchanged.
 *
 * @example
 * catch (error) { throw toPostgresStoreError(error, this.description) }
 */
export function toPostgresStoreError(error: unknown, description: string): unknown {
  if (error instanceof StoreUnavailableError || !isPostgresUnavailable(error)) return error
  const code = codeOf(error)
  const message = error instanceof Error ? error.message : String(error)
  return new StoreUnavailableError(`${description} is unavailable (${code}: ${message})`, { cause: error })
}
