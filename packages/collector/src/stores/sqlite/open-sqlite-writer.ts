import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { migrateSqlite } from './sqlite-migrations.js'

/**
 * Opens the one connection that writes to a SQLite file: creates the directory on first
 * start, switches the file to WAL, sets durability, and brings the schema up to date.
 *
 * `full`: COMMIT returns once the write-ahead log is fsynced, so an acknowledged event
 * survives a power cut, not only a killed process. `normal`: no fsync at COMMIT (the WAL
 * still survives a process crash). The connection lives on the writer thread, so the
 * fsync holds that thread only: the event loop goes on reading requests, which form the
 * next group meanwhile.
 *
 * @example
 * const writer = openSqliteWriter('./data/sillage.db', 'full')
 */
export function openSqliteWriter(path: string, synchronous: 'full' | 'normal'): Database.Database {
  mkdirSync(dirname(path), { recursive: true })
  const writer = new Database(path)
  try {
    // First: another process (a second collector, a backup) may hold the lock for a moment.
    writer.pragma('busy_timeout = 5000')
    writer.pragma('journal_mode = WAL')
    // On the writer thread SQLite's own fsync at each commit costs less than NORMAL plus an
    // fsync of the WAL on libuv's pool after each commit (what the event-loop writer did).
    writer.pragma(`synchronous = ${synchronous === 'full' ? 'FULL' : 'NORMAL'}`)
    // The automatic checkpoint runs inside the COMMIT that crosses this many pages: it
    // copies the WAL into the database file and fsyncs both. Every 4,000 pages (16 MB)
    // instead of SQLite's 1,000, pages written again and again between checkpoints (index
    // roots, the events table's last page, busy contacts) are copied once, and the fsync
    // pairs come less often. A bigger threshold stalls longer at each checkpoint; since the
    // writer has a thread of its own the choice barely moves the rate (bench/README.md).
    writer.pragma('wal_autocheckpoint = 4000')
    migrateSqlite(writer)
    return writer
  } catch (error) {
    writer.close()
    throw error
  }
}
