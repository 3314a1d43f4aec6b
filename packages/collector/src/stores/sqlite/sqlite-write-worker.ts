import { parentPort, workerData } from 'node:worker_threads'
import { ingestEvents } from '../../identity/ingest-events.js'
import { BackgroundCheckpointer } from './background-checkpointer.js'
import { deleteSqliteContact } from './delete-sqlite-contact.js'
import { openSqliteWriter } from './open-sqlite-writer.js'
import { toSqliteStoreError } from './sqlite-store-error.js'
import { SqliteTransaction } from './sqlite-transaction.js'
import { prepareWriteStatements } from './sqlite-write-statements.js'
import { SqliteWriter } from './sqlite-writer.js'
import { type WriterReply, type WriterRequest, type WriterThreadOptions, describeFailure, unpackEvents } from './writer-thread-messages.js'

// The writer thread's entry (started by `SqliteWriterThread`): the writer connection, its
// group-commit queue and its fsyncs, all off the collector's event loop, and the thread
// that checkpoints beside it (`BackgroundCheckpointer`).

const port = parentPort!
const { path, synchronous, description } = workerData as WriterThreadOptions
const reply = (message: WriterReply) => port.postMessage(message)

try {
  const db = openSqliteWriter(path, synchronous)
  const checkpointer = new BackgroundCheckpointer({ path, description })
  const writes = new SqliteWriter(
    db,
    (error) => toSqliteStoreError(error, description),
    () => checkpointer.committed(),
  )
  const tx = new SqliteTransaction(prepareWriteStatements(db))

  port.on('message', (request: WriterRequest) => {
    if (request.kind === 'close') {
      void writes
        .idle()
        .then(() => checkpointer.stop())
        .then(() => {
          db.close()
          port.close()
        })
      return
    }
    const work = request.kind === 'ingest' ? () => ingestEvents(tx, unpackEvents(request.events)) : async () => deleteSqliteContact(db, request.contactId)
    writes.run<unknown>(work).then(
      (value) => reply({ id: request.id, ok: true, value }),
      (error: unknown) => reply({ id: request.id, ok: false, error: describeFailure(error) }),
    )
  })
  reply({ id: 0, ok: true, value: null })
} catch (error) {
  reply({ id: 0, ok: false, error: describeFailure(error) })
  port.close()
}
