import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

/**
 * Checkpoints a SQLite database's write-ahead log on a worker thread, so the writer's
 * thread never does it.
 *
 * SQLite's automatic checkpoint runs inside the COMMIT that crosses 1,000 WAL pages: it
 * copies those pages into the database file and, under `synchronous=NORMAL`, fsyncs the
 * WAL and then the database file — all while the event loop is stopped. Measured on the
 * bench's batch-20 load, that was three quarters of COMMIT's time (18 → 4.8 µs per event
 * without it; 45 → 12 µs with random messageIds, whose index pages are all different).
 *
 * Here the writer connection turns automatic checkpoints off and, after each commit, asks
 * this worker for a PASSIVE checkpoint on its own connection: it never waits for a lock,
 * copies what committed readers no longer need, and fsyncs like the automatic one would.
 * The writer keeps appending meanwhile; the WAL starts over from its beginning at the
 * first transaction after a checkpoint that caught up, as it does with automatic ones.
 * Requests made while one runs collapse into one more run.
 *
 * If the worker fails, `onFailure` is told once and the caller goes back to automatic
 * checkpoints: the WAL must never grow without bound.
 *
 * @example
 * writer.pragma('wal_autocheckpoint = 0')
 * const checkpointer = new WalCheckpointer(path, () => writer.pragma('wal_autocheckpoint = 1000'))
 * db.exec('COMMIT'); checkpointer.request()
 */
export class WalCheckpointer {
  private readonly worker: Worker
  private running = false
  private wanted = false
  private failed = false
  private readonly exited: Promise<void>

  constructor(
    databasePath: string,
    private readonly onFailure: (error: unknown) => void,
  ) {
    const driverPath = createRequire(import.meta.url).resolve('better-sqlite3')
    this.worker = new Worker(`(${checkpointWorker.toString()})()`, { eval: true, workerData: { databasePath, driverPath } })
    // A checkpointer alone must not keep the process alive.
    this.worker.unref()
    this.worker.on('message', (message: { done?: true; error?: string }) => {
      if (message.error !== undefined) return this.fail(new Error(message.error))
      this.running = false
      if (this.wanted) this.request()
    })
    this.worker.on('error', (error) => this.fail(error))
    this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()))
  }

  /** Asks for a checkpoint soon; cheap enough to call after every commit. */
  request(): void {
    if (this.failed) return
    if (this.running) {
      this.wanted = true
      return
    }
    this.running = true
    this.wanted = false
    this.worker.postMessage('checkpoint')
  }

  /** Lets a running checkpoint finish, then closes the worker's connection. */
  async close(): Promise<void> {
    this.failed = true
    this.worker.postMessage('close')
    await this.exited
  }

  private fail(error: unknown): void {
    if (this.failed) return
    this.failed = true
    this.onFailure(error)
    void this.worker.terminate()
  }
}

/**
 * The worker's whole program, run from its source text (`eval: true`) so that it needs no
 * file of its own next to the compiled one, and runs the same from TypeScript sources in
 * tests. Plain JavaScript, no closure over this module: only `workerData` comes in.
 */
function checkpointWorker(): void {
  const { parentPort, workerData } = require('node:worker_threads') as typeof import('node:worker_threads')
  const Database = require(workerData.driverPath) as typeof import('better-sqlite3')
  const db = new Database(workerData.databasePath)
  // NORMAL: the checkpoint fsyncs the WAL before copying and the database file after, so
  // the WAL is never rewound over pages the database file does not durably hold.
  db.pragma('synchronous = NORMAL')
  parentPort!.on('message', (message: string) => {
    if (message === 'close') {
      db.close()
      process.exit(0)
    }
    try {
      db.pragma('wal_checkpoint(PASSIVE)')
      parentPort!.postMessage({ done: true })
    } catch (error) {
      parentPort!.postMessage({ error: String(error) })
    }
  })
}
