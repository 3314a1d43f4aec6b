import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { makeEvent } from '../contract/event-fixture.test-suite.js'
import { StoreUnavailableError } from '../store.js'
import { sqliteMigrations } from './sqlite-migrations.js'
import { SqliteStore } from './sqlite-store.js'
import { ingest } from '../contract/ingest-counts.test-suite.js'

const directory = mkdtempSync(join(tmpdir(), 'sillage-sqlite-setup-'))
afterAll(() => rmSync(directory, { recursive: true, force: true }))

describe('sqlite store setup', () => {
  it('creates the data directory and records each migration once, even when two collectors start together', async () => {
    const path = join(directory, 'fresh', 'nested', 'sillage.db')
    const first = new SqliteStore({ path })
    const second = new SqliteStore({ path })
    await Promise.all([first.open(), second.open()])
    await ingest(first, [makeEvent({ messageId: 'm1', anon: 'd1' })])
    expect((await second.listEvents({ limit: 10 })).events.map((event) => event.messageId)).toEqual(['m1'])
    await Promise.all([first.close(), second.close()])
    const restarted = new SqliteStore({ path })
    await restarted.open()
    await restarted.close()

    const db = new Database(path, { readonly: true })
    expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all()).toEqual(
      sqliteMigrations.map((step) => step.version),
    )
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    db.close()
  })

  it('two collectors on one file never create two contacts for one device', async () => {
    const path = join(directory, 'shared', 'sillage.db')
    const collectors = [new SqliteStore({ path }), new SqliteStore({ path })]
    await Promise.all(collectors.map((store) => store.open()))
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        ingest(collectors[i % 2]!, [
          makeEvent({ messageId: `m${i}`, anon: 'd1' }),
          makeEvent({ messageId: `i${i}`, anon: 'd1', userId: 'u1' }),
        ]),
      ),
    )
    const events = (await collectors[0]!.listEvents({ limit: 100 })).events
    expect(events).toHaveLength(40)
    expect(new Set(events.map((event) => event.contactId)).size).toBe(1)
    await Promise.all(collectors.map((store) => store.close()))
  })

  it('refuses to open where no file can be created, saying where and what to check', async () => {
    writeFileSync(join(directory, 'a-file'), '')
    const store = new SqliteStore({ path: join(directory, 'a-file', 'sillage.db') })
    const failure = store.open()
    await expect(failure).rejects.toBeInstanceOf(StoreUnavailableError)
    await expect(failure).rejects.toThrow(/a-file.*writable/)
    expect(await store.isHealthy()).toBe(false)
  })

  it('is unhealthy and refuses writes once closed', async () => {
    const store = new SqliteStore({ path: join(directory, 'closed', 'sillage.db') })
    await store.open()
    expect(await store.isHealthy()).toBe(true)
    await store.close()
    expect(await store.isHealthy()).toBe(false)
    await expect(ingest(store, [makeEvent({ messageId: 'm1', anon: 'd1' })])).rejects.toBeInstanceOf(
      StoreUnavailableError,
    )
  })

  it('refuses a file written by a newer Sillage instead of corrupting it', async () => {
    const path = join(directory, 'newer', 'sillage.db')
    const old = new SqliteStore({ path })
    await old.open()
    await old.close()
    const db = new Database(path)
    db.prepare(
      "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'from the future', '2030-01-01')",
    ).run()
    db.close()
    await expect(new SqliteStore({ path }).open()).rejects.toThrow(/schema version 999.*newer Sillage/)
  })
})
