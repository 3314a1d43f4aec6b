import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { makeEvent } from '../contract/event-fixture.test-suite.js'
import { SqliteStore } from './sqlite-store.js'
import { ingest } from '../contract/ingest-counts.test-suite.js'

const directory = mkdtempSync(join(tmpdir(), 'sillage-checkpointer-'))
afterAll(() => rmSync(directory, { recursive: true, force: true }))

/**
 * Events held by the database file alone, without its write-ahead log: what has been
 * checkpointed. Read from a copy, as a backup tool that copies only the file would see it;
 * null while the copy caught a page half-written.
 */
function eventsInDatabaseFile(path: string, copy: string): number | null {
  rmSync(`${copy}-wal`, { force: true })
  rmSync(`${copy}-shm`, { force: true })
  copyFileSync(path, copy)
  try {
    const db = new Database(copy)
    try {
      return db.prepare<[], number>('SELECT count(*) FROM events').pluck().get() ?? 0
    } finally {
      db.close()
    }
  } catch (error) {
    // Not even the schema is checkpointed yet.
    if (error instanceof Error && error.message.includes('no such table')) return 0
    return null
  }
}

describe('background checkpointer', () => {
  it('copies committed events into the database file long before the log reaches the writer’s checkpoint', async () => {
    const path = join(directory, 'sillage.db')
    const store = new SqliteStore({ path })
    await store.open()
    try {
      // A few dozen pages of log: the writer's own checkpoint waits for 4,000.
      const events = Array.from({ length: 200 }, (_, i) => makeEvent({ messageId: `m${i}`, anon: `device-${i % 7}` }))
      expect(await ingest(store, events)).toEqual({ accepted: 200, duplicates: 0 })

      let inFile = eventsInDatabaseFile(path, join(directory, 'copy.db'))
      for (const deadline = Date.now() + 5_000; inFile !== 200 && Date.now() < deadline; ) {
        await new Promise((resolve) => setTimeout(resolve, 50))
        inFile = eventsInDatabaseFile(path, join(directory, 'copy.db'))
      }
      expect(inFile).toBe(200)
    } finally {
      await store.close()
    }
  })
})
