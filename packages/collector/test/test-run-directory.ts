import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * Gives the test run a temporary directory of its own (`TMPDIR`, inherited by the test
 * workers and by the processes they start) and removes it when the run ends: the `memory:`
 * stores and files the tests leave go with it, also those of workers the runner ends
 * without an exit event.
 */
export default function testRunDirectory(): () => void {
  const directory = mkdtempSync(join(tmpdir(), 'sillage-test-run-'))
  const previous = process.env.TMPDIR
  process.env.TMPDIR = directory
  return () => {
    if (previous === undefined) delete process.env.TMPDIR
    else process.env.TMPDIR = previous
    rmSync(directory, { recursive: true, force: true })
  }
}
