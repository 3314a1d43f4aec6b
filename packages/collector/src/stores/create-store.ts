import { hideUrlPassword } from '../secrets/hide-url-password.js'
import { parsePostgresUrl } from './postgres/parse-postgres-url.js'
import { PostgresStore } from './postgres/postgres-store.js'
import { SqliteStore } from './sqlite/sqlite-store.js'
import type { Store } from './store.js'

const usage =
  'use memory:, sqlite:<path> (e.g. sqlite:./data/sillage.db) or postgres://user:password@host:5432/database'

/**
 * The store a `--store` URL names: `memory:` (SQLite on a temporary file, removed on close), `sqlite:<path>[?synchronous=normal]` or
 * `postgres://…[?max=10&schema=name]` (`postgresql://` too). Nothing is opened yet: call `open()`.
 *
 * @example
 * const store = createStore(process.env.SILLAGE_STORE ?? 'sqlite:./data/sillage.db')
 * await store.open()
 */
export function createStore(url: string): Store {
  // memory: is the same store on a throwaway file, so it keeps the same contract.
  if (url === 'memory:') return new SqliteStore({ temporary: true })
  if (url.startsWith('sqlite:')) return createSqliteStore(url)
  if (/^postgres(ql)?:\/\//.test(url)) return new PostgresStore(parsePostgresUrl(url))
  throw new Error(`Unknown store "${hideUrlPassword(url)}": ${usage}`)
}

function createSqliteStore(url: string): Store {
  const [path = '', query = ''] = url.slice('sqlite:'.length).split('?', 2)
  const synchronous = new URLSearchParams(query).get('synchronous')?.toLowerCase() ?? 'full'
  if (path === '' || path === ':memory:')
    throw new Error(`Store "${url}" needs a file path, e.g. sqlite:./data/sillage.db (for no file at all, use memory:)`)
  if (synchronous !== 'full' && synchronous !== 'normal')
    throw new Error(`Store "${url}": synchronous must be full or normal`)
  return new SqliteStore({ path, synchronous })
}
