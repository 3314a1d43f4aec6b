import { Worker } from 'node:worker_threads'
import { type IngestResult, type NormalisedEvent, StoreUnavailableError } from '../store.js'
import { workerExecArgv, workerScript } from './worker-script.js'
import { type WriterReply, type WriterRequest, type WriterThreadOptions, packEvents, reviveFailure } from './writer-thread-messages.js'

interface Pending {
  resolve: (value: unknown) => void
  reject: (error: Error) => void
}

/**
 * The SQLite writer connection on a thread of its own (`sqlite-write-worker.ts`).
 *
 * better-sqlite3 is synchronous: on the event loop, every INSERT and COMMIT stops the
 * collector from reading the next request. On its own thread the writer runs the same
 * group-commit queue (`SqliteWriter`: a failing batch undone alone, ack after COMMIT and
 * fsync) while the event loop parses and validates the next requests: a higher rate for
 * the same CPU per event.
 *
 * Each request's promise settles with the thread's reply, so the store still resolves
 * only after commit. If the thread dies, what it had not answered is refused as
 * unavailable (the clients retry; anything it did commit comes back as a duplicate).
 *
 * @example
 * const writes = await SqliteWriterThread.start({ path, synchronous: 'full', description })
 * await writes.ingest(events)
 */
export class SqliteWriterThread {
  private readonly pending = new Map<number, Pending>()
  private nextId = 1
  private exited = false
  private readonly exit: Promise<void>

  private constructor(
    private readonly worker: Worker,
    private readonly description: string,
  ) {
    worker.on('message', (reply: WriterReply) => this.settle(reply))
    // An uncaught error on the thread is followed by 'exit'; the listener keeps it from
    // becoming an uncaught error of the whole process.
    let lastError: Error | null = null
    worker.on('error', (error) => (lastError = error))
    this.exit = new Promise((resolve) => {
      worker.once('exit', (code) => {
        this.exited = true
        const reason = lastError === null ? `exit code ${code}` : lastError.message
        for (const [, pending] of this.pending) pending.reject(new StoreUnavailableError(`${description}: the writer thread stopped (${reason})`))
        this.pending.clear()
        resolve()
      })
    })
  }

  /** Starts the thread; resolves once it opened the file and migrated it. */
  static async start(options: WriterThreadOptions): Promise<SqliteWriterThread> {
    const thread = new SqliteWriterThread(new Worker(workerScript('sqlite-write-worker.js'), { workerData: options, execArgv: workerExecArgv() }), options.description)
    await thread.waitFor(0)
    return thread
  }

  /** False once the thread stopped, whether closed or crashed. */
  get running(): boolean {
    return !this.exited
  }

  ingest(events: readonly NormalisedEvent[]): Promise<IngestResult> {
    return this.send({ kind: 'ingest', id: this.nextId++, events: packEvents(events) }) as Promise<IngestResult>
  }

  deleteContact(contactId: string): Promise<boolean> {
    return this.send({ kind: 'deleteContact', id: this.nextId++, contactId }) as Promise<boolean>
  }

  /** Lets the thread finish what it was sent, close its connection and stop. */
  async close(): Promise<void> {
    if (!this.exited) {
      this.worker.ref()
      this.worker.postMessage({ kind: 'close' } satisfies WriterRequest)
    }
    await this.exit
  }

  private send(request: WriterRequest & { id: number }): Promise<unknown> {
    if (this.exited) return Promise.reject(new StoreUnavailableError(`${this.description}: the writer thread stopped; retry`))
    const reply = this.waitFor(request.id)
    this.worker.postMessage(request)
    return reply
  }

  private waitFor(id: number): Promise<unknown> {
    // The thread keeps the process alive only while it owes an answer: an idle store
    // does not hold a finished script open (the connection is closed by close()).
    if (this.pending.size === 0) this.worker.ref()
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }))
  }

  private settle(reply: WriterReply): void {
    const pending = this.pending.get(reply.id)
    if (pending === undefined) return
    this.pending.delete(reply.id)
    if (this.pending.size === 0) this.worker.unref()
    if (reply.ok) pending.resolve(reply.value)
    else pending.reject(reviveFailure(reply.error))
  }
}
