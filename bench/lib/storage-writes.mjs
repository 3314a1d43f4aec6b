import { readFileSync } from 'node:fs'

/**
 * Bytes a process has caused to be written to storage so far: `write_bytes` of
 * /proc/<pid>/io (Linux; socket writes are not in it), NaN where /proc is missing. For a
 * SQLite collector, the WAL frames of its commits and its checkpoints. Steadier than a rate
 * on a shared machine: it moves only when the amount written per event does.
 *
 * @example
 * const before = storageWrites(child.pid)
 * // … load …
 * const bytesPerEvent = (storageWrites(child.pid) - before) / events
 */
export function storageWrites(pid = 'self') {
  try {
    return Number(readFileSync(`/proc/${pid}/io`, 'utf8').match(/^write_bytes: (\d+)/m)?.[1] ?? NaN)
  } catch {
    return NaN
  }
}
