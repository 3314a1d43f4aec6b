import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { collectorClient } from './collector-client.js'
import { type CollectorProcess, startCollectorProcess } from './collector-process.js'

export const DROP_IN_WRITE_KEY = 'wk_drop_in_1'
export const DROP_IN_SECRET_KEY = 'sk_drop_in_0123456789abcdef'

export interface DropInCollector {
  /** Where a library is pointed: the collector's own URL. */
  url: string
  process: CollectorProcess
  /** Reads back what was stored, through the read API of the same process. */
  client: ReturnType<typeof collectorClient>
  /** Starts the collector again on the same SQLite file (after `stop`), on a new port unless one is given. */
  restart(port?: number): Promise<void>
  /** SIGTERM, then waits for the process to be gone. */
  stop(): Promise<void>
  /** Stops the process and removes its data dir. */
  dispose(): Promise<void>
}

/**
 * `sillage-collector` as a user starts it: a child process at its default settings
 * (rate limit included) on a fresh SQLite file, with known keys so a library can be
 * pointed at it. Build the collector first (the collector tests' global setup does).
 *
 * @example
 * const collector = await startDropInCollector()
 * const analytics = new Analytics({ writeKey: DROP_IN_WRITE_KEY, host: collector.url })
 * await collector.dispose()
 */
export async function startDropInCollector(options: { extraArgs?: string[] } = {}): Promise<DropInCollector> {
  const dir = await mkdtemp(join(tmpdir(), 'sillage-drop-in-'))
  const args = (port?: number) => [
    '--store',
    `sqlite:${join(dir, 'data', 'sillage.db')}`,
    '--write-keys',
    DROP_IN_WRITE_KEY,
    '--secret-key',
    DROP_IN_SECRET_KEY,
    ...(options.extraArgs ?? []),
    ...(port === undefined ? [] : ['--port', String(port)]),
  ]
  const keys = { writeKey: DROP_IN_WRITE_KEY, secretKey: DROP_IN_SECRET_KEY }
  const collector: DropInCollector = {
    url: '',
    process: await startCollectorProcess(args(), dir),
    client: collectorClient('', keys),
    async restart(port) {
      collector.process = await startCollectorProcess(args(port), dir)
      collector.url = collector.process.url
      collector.client = collectorClient(collector.url, keys)
    },
    async stop() {
      if (collector.process.child.exitCode !== null || collector.process.child.signalCode !== null) return
      collector.process.child.kill('SIGTERM')
      await collector.process.exited
    },
    async dispose() {
      await collector.stop()
      await rm(dir, { recursive: true, force: true })
    },
  }
  collector.url = collector.process.url
  collector.client = collectorClient(collector.url, keys)
  return collector
}
