import { Worker } from 'node:worker_threads'
import { StoreUnavailableError } from '../store.js'
import { type FromWriter, type SentError, type ToWriter, type WriteJob, type WriterThreadOptions, receiveError } from './sqlite-writer-messages.js'

interface Pending {
  resolve: (value: unknown) => void
  reject: (error: unknown) => void
}

/**
 * The main thread's handle on the writer thread (`sqlite-writer-worker`). better-sqlite3
 * blocks the thread it runs on for every statement and every fsync; there it blocks
 * only the writer, while this thread goes on parsing and validating the next requests,
 * which then join the next group commit. A job's promise settles when the worker
 * answers, and the worker answers only after COMMIT returned: ack after commit.
 *
 * @example
 * const writer = await SqliteWriterThread.start({ path, synchronous: 'full', description })
 * const { accepted } = (await writer.run({ op: 'ingest', events })) as IngestResult
 */
export class SqliteWriterThread {
  private readonly pending = new Map<number, Pending>()
  private nextId = 1
  private stopped: Error | null = null
  private closing: Promise<void> | null = null

  private constructor(
    private readonly worker: Worker,
    private readonly description: string,
  ) {
    worker.on('message', (message: FromWriter) => this.receive(message))
    worker.on('error', (error) => this.stop(`the writer thread failed: ${error.message}`))
    worker.on('exit', (code) => this.stop(`the writer thread exited (code ${code})`))
  }

  /** Starts the thread; resolves once it opened the file and ran the migrations. */
  static async start(options: WriterThreadOptions): Promise<SqliteWriterThread> {
    const worker = new Worker(await writerEntry(), { workerData: { options } })
    return new Promise((resolve, reject) => {
      const opened = (message: FromWriter) => {
        if (message.kind !== 'opened' && message.kind !== 'openFailed') return
        worker.off('message', opened).off('error', reject)
        if (message.kind === 'openFailed') return reject(openFailure(message.error))
        const thread = new SqliteWriterThread(worker, options.description)
        worker.unref() // idle: keeps no process alive; `run` refs it while a write is in flight
        resolve(thread)
      }
      worker.on('message', opened).on('error', reject)
    })
  }

  get healthy(): boolean {
    return this.stopped === null && this.closing === null
  }

  run(job: WriteJob): Promise<unknown> {
    if (!this.healthy) return Promise.reject(new StoreUnavailableError(`${this.description} is closing or its writer stopped: retry later`))
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      try {
        this.worker.postMessage({ id, ...job } satisfies ToWriter)
      } catch (error) {
        // e.g. a value structured clone cannot copy: this job is refused, nothing was sent.
        return reject(error)
      }
      if (this.pending.size === 0) this.worker.ref()
      this.pending.set(id, { resolve, reject })
    })
  }

  /** Lets every write in flight commit, closes the writer connection, ends the thread. */
  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      if (this.stopped !== null) return resolve()
      this.worker.ref()
      this.worker.on('message', (message: FromWriter) => {
        if (message.kind === 'closed') void this.worker.terminate().then(() => resolve())
      })
      this.worker.once('exit', () => resolve())
      this.worker.postMessage({ op: 'close' } satisfies ToWriter)
    })
    return this.closing
  }

  private receive(message: FromWriter): void {
    if (message.kind !== 'settled') return
    const job = this.pending.get(message.id)
    if (job === undefined) return
    this.pending.delete(message.id)
    if (this.pending.size === 0) this.worker.unref()
    if (message.ok) job.resolve(message.value)
    else job.reject(receiveError(message.error))
  }

  private stop(reason: string): void {
    if (this.stopped !== null) return
    this.stopped = new StoreUnavailableError(`${this.description}: ${reason}`)
    for (const job of this.pending.values()) job.reject(this.stopped)
    this.pending.clear()
  }
}

function openFailure(sent: SentError): Error {
  return Object.assign(new Error(sent.message), sent.code === null ? {} : { code: sent.code })
}

/**
 * Where the worker's code is. Built (dist/), it is the compiled module beside this one.
 * Run from the TypeScript sources (vitest, the kill fixture), there is no `.js` to start
 * and Node 20 cannot load `.ts` in a thread: a test helper bundles it once per process.
 */
async function writerEntry(): Promise<URL> {
  if (!import.meta.url.endsWith('.ts')) return new URL('./sqlite-writer-worker.js', import.meta.url)
  const helper = '../../../test/helpers/bundle-typescript-worker.mjs'
  const { bundleTypescriptWorker } = (await import(helper)) as { bundleTypescriptWorker: (entry: URL) => Promise<URL> }
  return bundleTypescriptWorker(new URL('./sqlite-writer-worker.ts', import.meta.url))
}
