import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Worker } from 'node:worker_threads'
import { afterAll, describe, expect, it } from 'vitest'
import { makeEvent } from '../contract/event-fixture.test-suite.js'
import { StoreUnavailableError } from '../store.js'
import { SqliteStore } from './sqlite-store.js'
import { SqliteWriterThread } from './sqlite-writer-thread.js'

const directory = mkdtempSync(join(tmpdir(), 'sillage-writer-thread-'))
afterAll(() => rmSync(directory, { recursive: true, force: true }))

const batch = (prefix: string, size: number) => Array.from({ length: size }, (_, i) => makeEvent({ messageId: `${prefix}-${i}`, anon: `device-${prefix}` }))

const writerOf = (store: SqliteStore) => (store as unknown as { connections: { writes: Promise<SqliteWriterThread> } }).connections.writes

/** What a crash of the thread (an out-of-memory, a bug in a native module) looks like from outside. */
const crash = (thread: SqliteWriterThread) => (thread as unknown as { worker: Worker }).worker.terminate()

describe('sqlite writer thread', () => {
  it('refuses as unavailable what it had not answered when it dies, and every later write', async () => {
    const path = join(directory, 'crash', 'sillage.db')
    const thread = await SqliteWriterThread.start({ path, synchronous: 'full', description: `sqlite:${path}` })
    const inFlight = thread.ingest(batch('a', 500))
    await crash(thread)
    await expect(inFlight).rejects.toBeInstanceOf(StoreUnavailableError)
    await expect(inFlight).rejects.toThrow(/writer thread stopped/)
    expect(thread.running).toBe(false)
    await expect(thread.ingest(batch('b', 1))).rejects.toBeInstanceOf(StoreUnavailableError)
  })

  it('brings back the store on the next write after its thread died, keeping what was committed', async () => {
    const store = new SqliteStore({ path: join(directory, 'restart', 'sillage.db') })
    await store.open()
    try {
      expect(await store.ingest(batch('before', 3))).toEqual({ accepted: 3, duplicates: 0 })
      await crash(await writerOf(store))
      // The client's retry of a committed batch is a duplicate; new events are stored.
      expect(await store.ingest([...batch('before', 3), ...batch('after', 2)])).toEqual({ accepted: 2, duplicates: 3 })
      expect((await store.listEvents({ limit: 10 })).events).toHaveLength(5)
    } finally {
      await store.close()
    }
  })

  it('is healthy again after its thread died without waiting for a write (the health check restarts it)', async () => {
    const store = new SqliteStore({ path: join(directory, 'health', 'sillage.db') })
    await store.open()
    try {
      const first = await writerOf(store)
      await crash(first)
      expect(first.running).toBe(false)
      expect(await store.isHealthy()).toBe(true)
      expect((await writerOf(store)).running).toBe(true)
    } finally {
      await store.close()
    }
    expect(await store.isHealthy()).toBe(false)
  })

  it('turns SQLite errors on the thread into the same errors as before: a locked file is unavailable', async () => {
    const path = join(directory, 'locked', 'sillage.db')
    const store = new SqliteStore({ path })
    await store.open()
    const Database = (await import('better-sqlite3')).default
    const other = new Database(path)
    other.pragma('busy_timeout = 0')
    other.exec('BEGIN IMMEDIATE')
    try {
      // busy_timeout is 5 s on the writer: the lock is held longer than that.
      const refused = store.ingest(batch('locked', 1))
      await expect(refused).rejects.toBeInstanceOf(StoreUnavailableError)
      await expect(refused).rejects.toThrow(/SQLITE_BUSY/)
    } finally {
      other.exec('ROLLBACK')
      other.close()
    }
    expect(await store.ingest(batch('unlocked', 1))).toEqual({ accepted: 1, duplicates: 0 })
    await store.close()
  })

  it('works in a script run with node --input-type=module -e, and does not keep it alive once answered, even if never closed', () => {
    const index = fileURLToPath(new URL('../../../dist/index.js', import.meta.url))
    const script = `
      const { createStore } = await import(${JSON.stringify(index)})
      const store = createStore(${JSON.stringify(`sqlite:${join(directory, 'script', 'sillage.db')}`)})
      await store.open()
      const event = ${JSON.stringify(makeEvent({ messageId: 'script-1', anon: 'device-script' }))}
      console.log(JSON.stringify(await store.ingest([event])))`
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 10_000 })
    expect(child.stderr).toBe('')
    expect(child.signal, 'the script was still running after 10 s').toBeNull()
    expect(JSON.parse(child.stdout)).toEqual({ accepted: 1, duplicates: 0 })
  })

  it('runs under V8 flags given to the collector process', () => {
    const index = fileURLToPath(new URL('../../../dist/index.js', import.meta.url))
    const file = join(directory, 'v8-flags.mjs')
    writeFileSync(
      file,
      `const { createStore } = await import(${JSON.stringify(index)})
      const store = createStore(${JSON.stringify(`sqlite:${join(directory, 'v8-flags', 'sillage.db')}`)})
      await store.open()
      console.log(JSON.stringify(await store.ingest([${JSON.stringify(makeEvent({ messageId: 'v8-1', anon: 'device-v8' }))}])))
      await store.close()`,
    )
    const child = spawnSync(process.execPath, ['--max-old-space-size=512', '--max-semi-space-size=16', file], { encoding: 'utf8', timeout: 10_000 })
    expect(child.stderr).toBe('')
    expect(JSON.parse(child.stdout)).toEqual({ accepted: 1, duplicates: 0 })
  })
})
