import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const COLLECTOR_CLI = fileURLToPath(new URL('../../packages/collector/dist/cli.js', import.meta.url))

export const WRITE_KEY = 'wk_e2e_public'
export const SECRET_KEY = 'sk_e2e_secret_0123456789abcdef'

/** A real `sillage-collector` process on a free port, with its own SQLite file. */
export interface RunningCollector {
  /** e.g. `http://127.0.0.1:41234` */
  readonly url: string
  readonly writeKey: string
  readonly secretKey: string
  /** Ends the process (SIGTERM, then SIGKILL); the port and the SQLite file stay for `start`. */
  stop(): Promise<void>
  /** Starts it again on the same port and file, and waits until `/healthz` answers. */
  start(): Promise<void>
  /** Stops it and deletes its files. */
  dispose(): Promise<void>
  /** What the process printed so far (stdout and stderr), for failure messages. */
  output(): string
}

const running = new Set<ChildProcess>()
// A crashed or interrupted test run must not leave collectors listening behind it.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL')
})

/**
 * @example
 *   const collector = await startCollector()
 *   // … drive a page against collector.url …
 *   await collector.dispose()
 */
export async function startCollector(extraArgs: string[] = []): Promise<RunningCollector> {
  const dir = await mkdtemp(join(tmpdir(), 'sillage-e2e-'))
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const args = [
    COLLECTOR_CLI,
    '--port',
    String(port),
    '--host',
    '127.0.0.1',
    '--store',
    `sqlite:${join(dir, 'e2e.db')}`,
    '--write-keys',
    WRITE_KEY,
    '--secret-key',
    SECRET_KEY,
    ...extraArgs,
  ]
  let child: ChildProcess | null = null
  let log = ''

  async function start(): Promise<void> {
    if (child) throw new Error('collector already running')
    const collectorProcess = spawn(process.execPath, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] })
    child = collectorProcess
    running.add(collectorProcess)
    collectorProcess.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()))
    collectorProcess.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()))
    collectorProcess.once('exit', () => {
      running.delete(collectorProcess)
      if (child === collectorProcess) child = null
    })
    await waitUntilHealthy(url, collectorProcess, () => log)
  }

  async function stop(): Promise<void> {
    const collectorProcess = child
    if (!collectorProcess) return
    const exited = new Promise<void>((resolve) => collectorProcess.once('exit', () => resolve()))
    collectorProcess.kill('SIGTERM')
    const timer = setTimeout(() => collectorProcess.kill('SIGKILL'), 3_000)
    await exited
    clearTimeout(timer)
  }

  await start().catch(async (error: unknown) => {
    await rm(dir, { recursive: true, force: true })
    throw error
  })
  return {
    url,
    writeKey: WRITE_KEY,
    secretKey: SECRET_KEY,
    stop,
    start,
    dispose: async () => {
      await stop()
      await rm(dir, { recursive: true, force: true })
    },
    output: () => log,
  }
}

async function waitUntilHealthy(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 15_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`collector exited with ${child.exitCode ?? child.signalCode} before it was healthy:\n${log()}`)
    }
    const healthy = await fetch(`${url}/healthz`).then(
      (response) => response.ok,
      () => false,
    )
    if (healthy) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  child.kill('SIGKILL')
  throw new Error(`collector at ${url} not healthy after 15 s:\n${log()}`)
}

/** A port nobody listens on right now (the OS picks it; we release it for the collector). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}
