import { parentPort, workerData } from 'node:worker_threads'
import Database from 'better-sqlite3'
import { ingestEvents } from '../../identity/ingest-events.js'
import { StoreUnavailableError } from '../store.js'
import { deleteSqliteContact } from './delete-sqlite-contact.js'
import { migrateSqlite } from './sqlite-migrations.js'
import { toSqliteStoreError } from './sqlite-store-error.js'
import { SqliteTransaction } from './sqlite-transaction.js'
import { prepareWriteStatements } from './sqlite-write-statements.js'
import { SqliteWriter } from './sqlite-writer.js'
import { WalSync } from './wal-sync.js'
import { type FromWriter, type ToWriter, type WriteJob, type WriterThreadOptions, sendError } from './sqlite-writer-messages.js'

/*
 * The writer thread: owns the one writer connection and runs the identity pipeline and
 * the group commit here, so the main thread keeps reading and validating requests while
 * SQLite inserts, writes the WAL and waits for fsync. Started by `SqliteWriterThread`.
 */
const port = parentPort!
const options = (workerData as { options: WriterThreadOptions }).options
const post = (message: FromWriter) => port.postMessage(message)

function openWriter(): Database.Database {
  const db = new Database(options.path)
  try {
    db.pragma('journal_mode = WAL')
    // FULL durability comes from `WalSync` after each commit, not from SQLite waiting in COMMIT.
    db.pragma('synchronous = NORMAL')
    // Another process (a second collector, a backup) may hold the lock for a moment.
    db.pragma('busy_timeout = 5000')
    migrateSqlite(db)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

let db: Database.Database
try {
  db = openWriter()
} catch (error) {
  post({ kind: 'openFailed', error: sendError(error) })
  process.exit(0)
}
const walSync = options.synchronous === 'full' ? new WalSync(options.path) : null
const syncAfterCommit = walSync === null ? undefined : () => walSync.sync().catch((error: unknown) => {
  throw new StoreUnavailableError(`${options.description}: cannot flush the write-ahead log to disk (${String(error)})`, { cause: error })
})
const writes = new SqliteWriter(db, (error) => toSqliteStoreError(error, options.description), syncAfterCommit)
const tx = new SqliteTransaction(prepareWriteStatements(db))

function perform(job: WriteJob): Promise<unknown> {
  if (job.op === 'ingest') return writes.run(() => ingestEvents(tx, job.events))
  return writes.run(async () => deleteSqliteContact(db, job.contactId))
}

port.on('message', (message: ToWriter) => {
  if (message.op === 'close') {
    void writes.idle().then(async () => {
      await walSync?.close()
      db.close()
      post({ kind: 'closed' })
    })
    return
  }
  perform(message).then(
    (value) => post({ kind: 'settled', id: message.id, ok: true, value }),
    (error: unknown) => post({ kind: 'settled', id: message.id, ok: false, error: sendError(error) }),
  )
})
post({ kind: 'opened' })
