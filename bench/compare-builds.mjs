/**
 * Before/after for a collector change: two (or more) builds of the collector CLI on the
 * same store, interleaved round by round next to bare-hono, in one run (the machine is
 * shared, so only figures from one run compare). Not part of `npm run bench`.
 *
 * Snapshot a build first, e.g.  cp -r packages/collector/dist /tmp/before-dist  (it must
 * stay inside a directory whose node_modules resolve: symlink /work/main/node_modules).
 *
 * Usage: node bench/compare-builds.mjs before=/tmp/b/packages/collector/dist/cli.js,after=packages/collector/dist/cli.js
 *   env: COMPARE_STORES=sqlite,postgres  COMPARE_BATCHES=1,20,100  COMPARE_ROUNDS=2  BENCH_DURATION_S=4
 * Prints events/s, share of bare-hono, and server CPU µs per event (steadier than rates
 * when other jobs compete for the cores), each the mean over rounds, and autocannon's p99
 * of each round.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createBatchBody } from './lib/batch-body.mjs'
import { freePort, startChildServer } from './lib/child-server.mjs'
import { SECRET_KEY, WRITE_KEY, startBareServer, writeKeyAuth } from './lib/collector-process.mjs'
import { runLoad } from './lib/load.mjs'
import { createTempDatabase } from './lib/temp-postgres.mjs'

const env = process.env
const builds = (process.argv[2] ?? '')
  .split(',')
  .filter(Boolean)
  .map((pair) => pair.split('='))
if (builds.length === 0 || builds.some(([, cli]) => !cli))
  throw new Error('usage: node bench/compare-builds.mjs name=path/to/cli.js,name2=path/to/cli.js')
const stores = (env.COMPARE_STORES ?? 'sqlite').split(',')
const batches = (env.COMPARE_BATCHES ?? '20').split(',').map(Number)
const rounds = Number(env.COMPARE_ROUNDS ?? 2)
const durationS = Number(env.BENCH_DURATION_S ?? 4)
const connections = Number(env.BENCH_CONNECTIONS ?? 16)

async function storeUrl(kind) {
  if (kind === 'postgres') {
    const db = await createTempDatabase()
    return { url: db.url, cleanup: () => db.drop() }
  }
  const dir = mkdtempSync(join(tmpdir(), 'sillage-compare-'))
  const query = kind === 'sqlite-normal' ? '?synchronous=normal' : ''
  return {
    url: kind === 'memory' ? 'memory:' : `sqlite:${join(dir, 'bench.db')}${query}`,
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  }
}

async function startBuild(cli, store) {
  const port = await freePort()
  const args = [
    resolve(cli),
    '--port',
    String(port),
    '--host',
    '127.0.0.1',
    '--store',
    store,
    '--write-keys',
    WRITE_KEY,
    '--secret-key',
    SECRET_KEY,
  ]
  return startChildServer({ args, port, env: { NODE_ENV: 'production', SILLAGE_RATE_LIMIT: '0' } })
}

async function measure(server, batchSize) {
  const load = {
    url: `${server.url}/v1/batch`,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: writeKeyAuth },
    nextBody: createBatchBody({ batchSize }),
    connections,
  }
  await runLoad({ ...load, durationS: 1.5 })
  const cpuBefore = server.cpuSeconds()
  const result = await runLoad({ ...load, durationS })
  const eventsPerS = result.requestsPerS * batchSize
  return {
    eventsPerS,
    p99Ms: result.p99Ms,
    cpuUsPerEvent: (1e6 * (server.cpuSeconds() - cpuBefore)) / (result.seconds * eventsPerS),
  }
}

const cells = new Map()
const record = (key, value) => (cells.get(key) ?? cells.set(key, []).get(key)).push(value)
for (let round = 1; round <= rounds; round += 1) {
  for (const batchSize of batches) {
    const bare = await startBareServer()
    const limit = await measure(bare, batchSize).finally(() => bare.stop())
    record(`bare-hono b${batchSize}`, { ...limit, share: 1 })
    for (const kind of stores) {
      // Alternate the order each round so neither build always runs on a warmer machine.
      for (const [name, cli] of round % 2 ? builds : [...builds].reverse()) {
        const store = await storeUrl(kind)
        const server = await startBuild(cli, store.url)
        try {
          const cell = await measure(server, batchSize)
          record(`${name}/${kind} b${batchSize}`, { ...cell, share: cell.eventsPerS / limit.eventsPerS })
        } finally {
          await server.stop()
          await store.cleanup()
        }
      }
    }
    process.stderr.write(`round ${round}, batch ${batchSize} done\n`)
  }
}
const mean = (list, pick) => list.reduce((sum, item) => sum + pick(item), 0) / list.length
console.log(
  '| target | events/s | share of bare-hono | p99 ms, each round | server CPU µs/event |\n|---|--:|--:|--:|--:|',
)
for (const [key, list] of cells) {
  const p99s = list.map((c) => c.p99Ms).join(' / ')
  console.log(
    `| ${key} | ${mean(list, (c) => c.eventsPerS).toFixed(0)} | ${(100 * mean(list, (c) => c.share)).toFixed(1)} % | ${p99s} | ${mean(list, (c) => c.cpuUsPerEvent).toFixed(0)} |`,
  )
}
process.exit(0)
