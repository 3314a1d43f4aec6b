import { hideUrlPassword } from '../../secrets/hide-url-password.js'

export interface PostgresStoreOptions {
  /** The connection string handed to the driver, without Sillage's own parameters. */
  connectionUrl: string
  /** Pool size per collector process. */
  max: number
  /** Schema to create and use (search_path); null = the server's default (`public`). */
  schema: string | null
  /** What `--store` prints: the URL with the password hidden. */
  description: string
}

export const defaultPoolSize = 10

/**
 * Reads Sillage's parameters off a `postgres://` URL: `max` (pool size, default 10) and
 * `schema`. Everything else (sslmode, application_name…) is left for the driver.
 *
 * @example
 * parsePostgresUrl('postgres://sillage:pw@db:5432/events?max=20&schema=tracking')
 * // → { max: 20, schema: 'tracking', description: 'postgres://sillage:***@db:5432/events?max=20&schema=tracking', … }
 */
export function parsePostgresUrl(url: string): PostgresStoreOptions {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new Error(
      `Store "${hideUrlPassword(url)}" is not a valid URL: expected postgres://user:password@host:5432/database`,
    )
  }
  const maxParameter = parsed.searchParams.get('max')
  const max = maxParameter === null ? defaultPoolSize : Number(maxParameter)
  if (!Number.isInteger(max) || max < 1 || max > 1000)
    throw new Error(`Store URL: max=${maxParameter} must be a pool size between 1 and 1000`)
  const schema = parsed.searchParams.get('schema')
  if (schema !== null && !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) {
    throw new Error(`Store URL: schema=${schema} must be a plain identifier (letters, digits, _)`)
  }
  const description = hideUrlPassword(url)
  parsed.searchParams.delete('max')
  parsed.searchParams.delete('schema')
  return { connectionUrl: parsed.toString(), max, schema, description }
}
