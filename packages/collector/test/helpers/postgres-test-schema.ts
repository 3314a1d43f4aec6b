import { randomBytes } from 'node:crypto'
import postgres, { type Sql } from 'postgres'
import { ensureReachable, testServerUrl } from '../../src/stores/postgres/postgres-test-server.test-suite.js'

export interface TestSchema {
  /** The schema's name, unique to this run. */
  name: string
  /** A `--store` URL on this schema, optionally through another host:port (a proxy) and with more parameters. */
  storeUrl(options?: { host?: string; params?: Record<string, string> }): string
  /** A direct connection (never through a proxy), with `search_path` set to the schema: the oracle. */
  sql: Sql
  /** Drops the schema and closes the connection. */
  drop(): Promise<void>
}

/**
 * A schema of its own on the test PostgreSQL (see `postgres-test-server.test-suite.ts`),
 * for collector processes to share and tests to inspect with SQL. Fails, never skips,
 * when the server is not reachable.
 *
 * @example
 * const schema = await createTestSchema('replicas')
 * startCollectorProcess(['--store', schema.storeUrl({ params: { max: '4' } })], dir)
 * await schema.drop()
 */
export async function createTestSchema(label: string): Promise<TestSchema> {
  await ensureReachable()
  const name = `sillage_${label}_${randomBytes(5).toString('hex')}`
  const admin = postgres(testServerUrl, { max: 1, onnotice: () => {} })
  try {
    await admin`CREATE SCHEMA ${admin(name)}`
  } finally {
    await admin.end({ timeout: 1 })
  }
  const sql = postgres(testServerUrl, { max: 2, onnotice: () => {}, connection: { search_path: name } })
  return {
    name,
    storeUrl({ host, params = {} } = {}) {
      const url = new URL(testServerUrl)
      if (host !== undefined) url.host = host
      url.searchParams.set('schema', name)
      for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value)
      return url.toString()
    },
    sql,
    async drop() {
      try {
        await sql`DROP SCHEMA IF EXISTS ${sql(name)} CASCADE`
      } finally {
        await sql.end({ timeout: 1 })
      }
    },
  }
}

/** host and port of the test server, for a TCP proxy in front of it. */
export function testServerAddress(): { host: string; port: number } {
  const url = new URL(testServerUrl)
  return { host: url.hostname, port: Number(url.port || 5432) }
}
