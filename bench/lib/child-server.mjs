import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { storageWrites } from './storage-writes.mjs'

/** Every child still running, so a crash or Ctrl-C of the bench never leaves one behind. */
const running = new Set()

function killAll() {
  for (const child of running) child.kill('SIGKILL')
}
process.on('exit', killAll)
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    killAll()
    process.exit(130)
  })
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/** USER_HZ: 100 on every Linux build Node supports. */
const CLOCK_TICKS_PER_S = 100

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Starts `node <args>` as a child process and resolves once `readyPath` answers 200
 * on 127.0.0.1:port. Rejects with the child's own last words when it exits first.
 *
 * @example
 * const server = await startChildServer({ args: ['bench/servers/bare-hono.mjs'], port })
 * // … load it …
 * const rss = server.memory() // { rssMB, peakRssMB }
 * await server.stop()
 */
export async function startChildServer({
  args,
  port,
  env = {},
  readyPath = '/healthz',
  nodeFlags = [],
  timeoutMs = 20_000,
}) {
  const child = spawn(process.execPath, [...nodeFlags, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  running.add(child)
  let output = ''
  const keep = (chunk) => {
    output = (output + chunk).slice(-4000)
  }
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  let exited = null
  const exit = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      running.delete(child)
      exited = { code, signal }
      resolve(exited)
    })
  })

  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (exited) {
      const reason = lastLine(output) || `exit code ${exited.code}`
      throw new ChildServerError(`child exited before it was ready: ${reason}`, output)
    }
    try {
      const response = await fetch(`http://127.0.0.1:${port}${readyPath}`)
      await response.arrayBuffer()
      if (response.ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new ChildServerError(`child not ready on port ${port} after ${timeoutMs} ms`, output)
    }
    await sleep(100)
  }

  return {
    pid: child.pid,
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    /** Current and peak resident memory of the child, from /proc (Linux). */
    memory() {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8')
        const kb = (field) => Number(status.match(new RegExp(`^${field}:\\s+(\\d+)`, 'm'))?.[1] ?? NaN)
        return { rssMB: kb('VmRSS') / 1024, peakRssMB: kb('VmHWM') / 1024 }
      } catch {
        return { rssMB: NaN, peakRssMB: NaN }
      }
    },
    /** User + system CPU seconds the child has used so far, from /proc (Linux). */
    cpuSeconds() {
      try {
        const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8')
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
        // fields[11] and [12] are utime and stime (fields 14 and 15 of proc(5)), in clock ticks.
        return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_S
      } catch {
        return NaN
      }
    },
    /** Bytes the child has caused to be written to storage so far (see `storageWrites`). */
    storageWrites: () => storageWrites(child.pid),
    /** SIGTERM, then SIGKILL after a grace period; resolves when the child is gone. */
    async stop(graceMs = 5000) {
      if (exited) return exited
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
      const result = await exit
      clearTimeout(timer)
      return result
    },
  }
}

export class ChildServerError extends Error {
  name = 'ChildServerError'
  constructor(message, output) {
    super(message)
    this.output = output
  }
}

function lastLine(text) {
  const lines = text.trim().split('\n').filter(Boolean)
  return lines.at(-1)?.slice(0, 300) ?? ''
}
