import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Directories of `memory:` stores still open in this process. */
const open = new Set<string>()

/**
 * A directory for a `memory:` store's file, removed by `removeTemporaryDirectory` on close, or
 * when the process exits without closing it (a test that forgets to, a fatal error): nothing
 * of a store meant to be temporary is left on the disk.
 *
 * @example
 * const dir = makeTemporaryDirectory()
 * removeTemporaryDirectory(dir)
 */
export function makeTemporaryDirectory(): string {
  if (open.size === 0) process.once('exit', removeAll)
  const dir = mkdtempSync(join(tmpdir(), 'sillage-memory-'))
  open.add(dir)
  return dir
}

export function removeTemporaryDirectory(dir: string): void {
  open.delete(dir)
  if (open.size === 0) process.off('exit', removeAll)
  rmSync(dir, { recursive: true, force: true })
}

function removeAll(): void {
  for (const dir of open) rmSync(dir, { recursive: true, force: true })
  open.clear()
}
