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
    // Before, on the event loop, this was NORMAL plus an fsync of the WAL on libuv's pool
    // after each commit. On the writer thread SQLite's own fsync costs less: batch-20 load,
    // same run, 39.9–41.6 → 44.6–48.0 % of bare Hono, 39 → 34–35 µs of CPU per event.
    writer.pragma(`synchronous = ${synchronous === 'full' ? 'FULL' : 'NORMAL'}`)
    // The automatic checkpoint runs inside the COMMIT that crosses this many pages: it
    // copies the WAL into the database file and fsyncs both. Every 4,000 pages (16 MB)
    // instead of SQLite's 1,000, pages written again and again between checkpoints (index
    // roots, the events table's last page, busy contacts) are copied once, and the fsync
    // pairs come 4× less often. Bigger is faster but stalls longer: batch-20 load, 2 runs
    // each: 1,000 pages 12.1–13.9 k events/s, p99 49–50 ms; 4,000 pages 13.9–14.4 k, p99
    // 67–70 ms; 16,000 pages 12.3–19.1 k, p99 106–137 ms. (Measured with the writer still
    // on the event loop. On its own thread, one run: 1,000 / 4,000 / 16,000 pages 49.4 /
    // 49.9 / 47.7 % of bare Hono — no longer a lever.)
    writer.pragma('wal_autocheckpoint = 4000')
    migrateSqlite(writer)
    return writer
  } catch (error) {
    writer.close()
    throw error
  }
}
