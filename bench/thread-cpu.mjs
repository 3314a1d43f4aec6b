/**
 * CPU per event of each thread of a collector under load, from /proc/<pid>/task (Linux):
 * where the time goes without a profiler's overhead, and which thread is the busier.
 * Not part of `npm run bench`.
 *
 * Usage: node bench/thread-cpu.mjs [store] [batch] [seconds]
 *   store: sqlite (default), sqlite-normal, memory or bare-hono; batch: 20; seconds: 8
 *   env: BENCH_CONNECTIONS=16, COLLECTOR_CLI=path/to/cli.js (another build)
 * Prints events/s and, per thread, user and kernel µs per event and how busy it was. Node
 * names no thread: besides the event loop, the SQLite writer is the other busy one; the
 * rest are V8's and libuv's helpers.
 * CPU time on a shared VM includes time stolen by the host: compare threads within a run.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createBatchBody } from './lib/batch-body.mjs'
import { freePort, startChildServer } from './lib/child-server.mjs'
import { SECRET_KEY, WRITE_KEY, collectorCli, startBareServer, writeKeyAuth } from './lib/collector-process.mjs'
import { runLoad } from './lib/load.mjs'

const [store = 'sqlite', batchArg = '20', secondsArg = '8'] = process.argv.slice(2)
const batch = Number(batchArg)
const seconds = Number(secondsArg)
const connections = Number(process.env.BENCH_CONNECTIONS ?? 16)
const TICKS_PER_S = 100 // USER_HZ on Linux

const dir = mkdtempSync(join(tmpdir(), 'sillage-thread-cpu-'))
const server = store === 'bare-hono' ? await startBareServer() : await startStore(store)
try {
  const headers = { 'content-type': 'application/json', authorization: writeKeyAuth }
  const load = (durationS) =>
    runLoad({ url: `${server.url}/v1/batch`, method: 'POST', headers, nextBody, durationS, connections })
  const nextBody = createBatchBody({ batchSize: batch })
  await load(2) // warm-up
  const before = threadTimes(server.pid)
  const result = await load(seconds)
  const after = threadTimes(server.pid)
  const events = result.ok * batch
  const perEvent = (ticks) => (ticks * 1e6) / TICKS_PER_S / events
  console.log(
    `${store}, batch ${batch}: ${Math.round(events / result.seconds).toLocaleString('en')} events/s (${result.non2xx} non-2xx)`,
  )
  console.log('| thread | user µs/event | kernel µs/event | busy |\n|---|--:|--:|--:|')
  for (const [id, times] of after) {
    const start = before.get(id) ?? { name: times.name, user: 0, system: 0 }
    const user = times.user - start.user
    const system = times.system - start.system
    if (user + system < 0.01 * seconds * TICKS_PER_S) continue // idle helper threads
    const busy = ((user + system) / TICKS_PER_S / result.seconds) * 100
    const label = id === String(server.pid) ? 'event loop' : `${times.name} ${id}`
    console.log(`| ${label} | ${perEvent(user).toFixed(1)} | ${perEvent(system).toFixed(1)} | ${busy.toFixed(0)} % |`)
  }
} finally {
  await server.stop(15_000)
  rmSync(dir, { recursive: true, force: true })
}

async function startStore(kind) {
  const url =
    kind === 'memory'
      ? 'memory:'
      : `sqlite:${join(dir, 'bench.db')}${kind === 'sqlite-normal' ? '?synchronous=normal' : ''}`
  const port = await freePort()
  const cli = process.env.COLLECTOR_CLI ?? collectorCli
  const args = [
    cli,
    '--port',
    String(port),
    '--host',
    '127.0.0.1',
    '--store',
    url,
    '--write-keys',
    WRITE_KEY,
    '--secret-key',
    SECRET_KEY,
  ]
  return startChildServer({ args, port, env: { NODE_ENV: 'production', SILLAGE_RATE_LIMIT: '0' } })
}

/** thread id → its name and CPU ticks so far (fields 14 and 15 of /proc/<pid>/task/<tid>/stat). */
function threadTimes(pid) {
  const times = new Map()
  for (const id of readdirSync(`/proc/${pid}/task`)) {
    const stat = readFileSync(`/proc/${pid}/task/${id}/stat`, 'utf8')
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    times.set(id, { name, user: Number(fields[11]), system: Number(fields[12]) })
  }
  return times
}
