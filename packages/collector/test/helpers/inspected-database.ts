import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { createStore } from '../../src/stores/create-store.js'
import type { Store } from '../../src/stores/store.js'
import { createTestSchema } from './postgres-test-schema.js'

type Row = Record<string, unknown>

/** One database, stores (collectors) opened on it, and its rows read directly: the oracle. */
export interface InspectedDatabase {
  /** A new store on this database, not opened yet. */
  store(): Store
  /** Every row of every table, as text, to search for what must not be there. */
  dump(): Promise<string>
  rows(table: string): Promise<Row[]>
  cleanUp(): Promise<void>
}

async function sqliteDatabase(): Promise<InspectedDatabase> {
  const dir = await mkdtemp(join(tmpdir(), 'sillage-inspected-'))
  const file = join(dir, 'sillage.db')
  const read = <T>(work: (db: Database.Database) => T): T => {
    const db = new Database(file, { readonly: true })
    try {
      return work(db)
    } finally {
      db.close()
    }
  }
  const rowsOf = (db: Database.Database, table: string) => db.prepare(`SELECT * FROM "${table}"`).all() as Row[]
  const tables = (db: Database.Database) =>
    db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()
  return {
    store: () => createStore(`sqlite:${file}`),
    dump: async () =>
      read((db) =>
        tables(db)
          .map((table) => JSON.stringify(rowsOf(db, table)))
          .join('\n'),
      ),
    rows: async (table) => read((db) => rowsOf(db, table)),
    cleanUp: () => rm(dir, { recursive: true, force: true }),
  }
}

async function postgresDatabase(): Promise<InspectedDatabase> {
  const schema = await createTestSchema('inspected')
  const { sql } = schema
  return {
    store: () => createStore(schema.storeUrl({ params: { max: '3' } })),
    async dump() {
      const tables = await sql<{ name: string }[]>`
        SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ${schema.name}`
      const rows = await Promise.all(
        tables.map(({ name }) => sql<{ row: string }[]>`SELECT t::text AS row FROM ${sql(name)} t`),
      )
      return rows
        .flat()
        .map(({ row }) => row)
        .join('\n')
    },
    rows: async (table) => (await sql.unsafe(`SELECT * FROM "${table}"`)) as unknown as Row[],
    cleanUp: () => schema.drop(),
  }
}

/** A SQLite file and a PostgreSQL schema: the databases a test runs on, by name. */
export const inspectedDatabases: Array<{ name: string; create: () => Promise<InspectedDatabase> }> = [
  { name: 'SQLite', create: sqliteDatabase },
  { name: 'PostgreSQL', create: postgresDatabase },
]
