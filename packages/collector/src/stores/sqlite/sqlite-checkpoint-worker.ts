import { workerData } from 'node:worker_threads'
import Database from 'better-sqlite3'
import { type CheckpointThreadData, CheckpointSignal } from './background-checkpointer.js'

// The checkpoint thread's entry (started by `BackgroundCheckpointer` beside the writer connection):
// a connection of its own that only ever runs PASSIVE checkpoints, which never wait for
// and never block the writer.

const { path, signals, pauseMs } = workerData as CheckpointThreadData

const db = new Database(path)
try {
  // The checkpoint fsyncs the log before copying it and the file after: the log may
  // restart only once the file holds its pages durably. For a connection that never
  // commits, FULL adds nothing to NORMAL (strace of one PASSIVE checkpoint: the same
  // three fsyncs either way, none with OFF), so the store's setting need not come here.
  db.pragma('synchronous = NORMAL')
  let seenCommits = 0
  while (Atomics.load(signals, CheckpointSignal.stop) === 0) {
    Atomics.wait(signals, CheckpointSignal.commits, seenCommits)
    seenCommits = Atomics.load(signals, CheckpointSignal.commits)
    if (Atomics.load(signals, CheckpointSignal.stop) !== 0) break
    db.pragma('wal_checkpoint(PASSIVE)')
    Atomics.wait(signals, CheckpointSignal.stop, 0, pauseMs)
  }
} finally {
  db.close()
}
