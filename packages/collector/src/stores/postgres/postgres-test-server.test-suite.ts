import postgres from 'postgres'
import { createStore } from '../create-store.js'
import type { Store } from '../store.js'

/** The PostgreSQL the tests use (CI runs one there); override with SILLAGE_TEST_POSTGRES_URL. */
export const testServerUrl = process.env.SILLAGE_TEST_POSTGRES_URL ?? 'postgres://root@127.0.0.1:5432/test'

const runId = `sillage_test_${process.pid}_${Date.now().toString(36)}`
const schemas: string[] = []
let reachable: Promise<void> | null = null

/** Fails — never skips — with what to do when the test server is not there. */
export function ensureReachable(): Promise<void> {
  reachable ??= (async () => {
    const sql = postgres(testServerUrl, { max: 1, connect_timeout: 5, onnotice: () => {} })
    try {
      await sql`SELECT 1`
    } catch (error) {
      throw new Error(
        `PostgreSQL is not reachable at ${testServerUrl} (${(error as Error).message}). ` +
          'The PostgreSQL store tests need it: start PostgreSQL there (CI has one) or set SILLAGE_TEST_POSTGRES_URL.',
      )
    } finally {
      await sql.end({ timeout: 1 })
    }
  })()
  return reachable
}

/** A store URL on a schema of its own, dropped by `dropTestSchemas`. */
export function freshSchemaUrl(): string {
  const schema = `${runId}_${schemas.length + 1}`
  schemas.push(schema)
  return `${testServerUrl}${testServerUrl.includes('?') ? '&' : '?'}schema=${schema}`
}

/** Drops every schema this run created. */
export async function dropTestSchemas(): Promise<void> {
  if (schemas.length === 0) return
  const sql = postgres(testServerUrl, { max: 1, onnotice: () => {} })
  try {
    for (const schema of schemas.splice(0)) await sql`DROP SCHEMA IF EXISTS ${sql(schema)} CASCADE`
  } finally {
    await sql.end({ timeout: 1 })
  }
}

/** Opens stores on the test server and remembers them, so a file's `afterAll` closes them all. */
export function testStores(): { open: (url: string) => Promise<Store>; closeAll: () => Promise<void> } {
  const opened: Store[] = []
  return {
    async open(url) {
      await ensureReachable()
      const store = createStore(url)
      await store.open()
      opened.push(store)
      return store
    },
    async closeAll() {
      await Promise.all(opened.splice(0).map((store) => store.close()))
    },
  }
}
