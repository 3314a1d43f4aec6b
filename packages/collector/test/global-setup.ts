import { execFileSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('../../..', import.meta.url))

/**
 * Runs once before the collector tests: compiles protocol and collector (incremental,
 * ~1 s when nothing changed). The tests import the TypeScript sources, but the SQLite
 * store's checkpointer runs on a worker thread, and a worker can only load the compiled
 * `dist/stores/sqlite/sqlite-checkpoint-worker.js`: this keeps it the code under test.
 */
export default function buildWriterThread(): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
  execFileSync(process.execPath, [tsc, '-b', 'packages/protocol', 'packages/collector'], {
    cwd: root,
    stdio: 'inherit',
  })
}
