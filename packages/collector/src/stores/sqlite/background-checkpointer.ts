import { Worker } from 'node:worker_threads'
import { workerExecArgv, workerScript } from './worker-script.js'

/** What the checkpoint thread is started with (its `workerData`). */
export interface CheckpointThreadData {
  path: string
  /** `[commits, stop]`, shared with the store: see `CheckpointSignal`. */
  signals: Int32Array
  /** The least time between two passes: pages rewritten meanwhile are copied once. */
  pauseMs: number
}

/** Slots of the shared `signals` array. */
export const CheckpointSignal = { commits: 0, stop: 1 } as const

/**
 * Copies committed pages from the write-ahead log into the database file on a thread of
 * its own (`sqlite-checkpoint-worker.ts`), so that the writer's checkpoint has almost
 * nothing left to copy.
 *
 * Why: SQLite checkpoints inside the COMMIT that takes the log past `wal_autocheckpoint`
 * pages. That COMMIT copied 4,000 pages and fsynced the file, a
 * stall during which no group committed: the ingest p99. The writer keeps its automatic
 * checkpoint, which now copies only the pages committed since this thread's last pass,
 * then lets the next transaction restart the log. If this thread stops, the writer still
 * checkpoints everything by itself: slower, never unbounded.
 *
 * It sleeps on a shared counter (`Atomics.wait`) while no commit comes: an idle collector
 * wakes no thread.
 *
 * @example
 * const checkpointer = new BackgroundCheckpointer({ path, description })
 * // after each COMMIT on the writer connection:
 * checkpointer.committed()
 * await checkpointer.stop() // before closing the writer connection
 */
export class BackgroundCheckpointer {
  private readonly signals = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT))
  private readonly exit: Promise<void>

  constructor({ path, description, pauseMs = 100 }: { path: string; description: string; pauseMs?: number }) {
    const workerData: CheckpointThreadData = { path, signals: this.signals, pauseMs }
    const worker = new Worker(workerScript('sqlite-checkpoint-worker.js'), { workerData, execArgv: workerExecArgv() })
    // Nothing is lost when it stops (the writer checkpoints by itself), so it is said, not thrown.
    worker.on('error', (error) => {
      process.emitWarning(
        `${description}: the background checkpointer stopped (${error.message}); the writer checkpoints by itself`,
      )
    })
    this.exit = new Promise((resolve) => worker.once('exit', () => resolve()))
  }

  /** Called after each COMMIT: wakes the thread if it sleeps. */
  committed(): void {
    Atomics.add(this.signals, CheckpointSignal.commits, 1)
    Atomics.notify(this.signals, CheckpointSignal.commits)
  }

  /** Ends the thread's loop and waits until its connection is closed. */
  async stop(): Promise<void> {
    Atomics.store(this.signals, CheckpointSignal.stop, 1)
    Atomics.notify(this.signals, CheckpointSignal.stop)
    // A bump, not only a notify: a thread between its stop check and its wait would miss
    // the notify and sleep for good; a changed counter makes that wait return at once.
    this.committed()
    await this.exit
  }
}
