import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import Database from 'better-sqlite3'
import { migrateSqlite } from './sqlite-migrations.js'

/**
 * Opens the one connection that writes to a SQLite file: creates the directory on first
 * start, switches the file to WAL, and brings the schema up to date. It runs
 * `synchronous=NORMAL`: for `full` durability the store fsyncs the WAL after each COMMIT
 * (`WalSync`), off the event loop, while the requests arriving meanwhile form the next group.
 *
 * @example
 * const writer = openSqliteWriter('./data/sillage.db')
 */
export function openSqliteWriter(path: string): Database.Database {
  mkdirSync(dirname(path), { recursive: true })
  const writer = new Database(path)
  try {
    // First: another process (a second collector, a backup) may hold the lock for a moment.
    writer.pragma('busy_timeout = 5000')
    writer.pragma('journal_mode = WAL')
    // NORMAL even for `full`: the store then fsyncs the WAL itself after each COMMIT, off
    // the event loop (`WalSync`), which is all FULL adds in WAL mode.
    writer.pragma('synchronous = NORMAL')
    // The automatic checkpoint runs inside the COMMIT that crosses this many pages: it
    // copies the WAL into the database file and fsyncs both. Every 4,000 pages (16 MB)
    // instead of SQLite's 1,000, pages written again and again between checkpoints (index
    // roots, the events table's last page, busy contacts) are copied once, and the fsync
    // pairs come less often. A bigger threshold stalls longer at each checkpoint
    // (measurements in bench/README.md).
    writer.pragma('wal_autocheckpoint = 4000')
    migrateSqlite(writer)
    return writer
  } catch (error) {
    writer.close()
    throw error
  }
}
