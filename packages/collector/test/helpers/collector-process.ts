import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export const cliPath = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))

/** Fails with instructions instead of a confusing spawn error when the CLI was never built. */
export function assertCliBuilt(): void {
  if (!existsSync(cliPath)) {
    throw new Error(
      `${cliPath} is missing: build the collector first (npm run build, or npx tsc -b packages/collector)`,
    )
  }
}

export interface CollectorProcess {
  child: ChildProcess
  url: string
  output: () => string
  /** Resolves with the exit code (or the signal name) once the process is gone. */
  exited: Promise<number | string>
}

const running = new Set<ChildProcess>()

/** Spawns `sillage-collector` and resolves once it prints the URL it listens on. */
export function startCollectorProcess(args: string[], cwd: string): Promise<CollectorProcess> {
  assertCliBuilt()
  const child = spawn(process.execPath, [cliPath, '--port', '0', ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] })
  running.add(child)
  let output = ''
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => {
      running.delete(child)
      resolve(code ?? signal ?? 'unknown')
    }),
  )
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /listening on (http:\/\/\S+)/.exec(output)
      if (match) resolve({ child, url: match[1]!, output: () => output, exited })
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    void exited.then((code) => reject(new Error(`collector exited (${code}) before listening:\n${output}`)))
  })
}

/** Runs the CLI to completion (for start-up failures). */
export async function runCollectorToExit(
  args: string[],
  cwd: string,
): Promise<{ code: number | string; stderr: string; stdout: string }> {
  assertCliBuilt()
  const child = spawn(process.execPath, [cliPath, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] })
  running.add(child)
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const code = await new Promise<number | string>((resolve) =>
    child.on('exit', (exitCode, signal) => resolve(exitCode ?? signal ?? 'unknown')),
  )
  running.delete(child)
  return { code, stderr, stdout }
}

/** For afterEach: no collector outlives its test. */
export function killAllCollectorProcesses(): void {
  for (const child of running) child.kill('SIGKILL')
  running.clear()
}
