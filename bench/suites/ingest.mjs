import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createBatchBody } from '../lib/batch-body.mjs'
import { startBareNodeServer, startBareServer, startCollector, writeKeyAuth } from '../lib/collector-process.mjs'
import { runLoad } from '../lib/load.mjs'
import { formatFixed, formatInt, formatPercent, markdownTable } from '../lib/markdown-table.mjs'
import { createTempDatabase } from '../lib/temp-postgres.mjs'

/**
 * Suite 1 — collector ingest next to the HTTP limit. Every cell (target × batch size) gets
 * a fresh child process and a fresh, empty store, a short unmeasured warm-up, then a
 * bounded autocannon run with a unique messageId on every event.
 */
export async function ingestSuite({ durationS, warmupS, connections, batchSizes, stores, log }) {
  const targets = [bareTarget(), ...stores.map(storeTarget), nodeHttpTarget()]
  const cells = []
  const measure = async (target, batchSize) => {
    log(`ingest: ${target.name}, batch ${batchSize}`)
    const cell = await measureCell({ target, batchSize, durationS, warmupS, connections })
    log(`  → ${cell.na ?? `${formatInt(cell.eventsPerS)} events/s, p99 ${cell.p99Ms} ms`}`)
    return cell
  }
  // Batch by batch, the HTTP limit is measured right before and right after the stores it
  // is compared with, and its row is the mean of the two: on a shared machine, a limit
  // measured minutes earlier would tilt every ratio with whatever changed meanwhile.
  for (const batchSize of batchSizes) {
    const [bare, ...others] = targets
    const before = await measure(bare, batchSize)
    for (const target of others) cells.push({ target: target.name, batchSize, ...(await measure(target, batchSize)) })
    cells.push({ target: bare.name, batchSize, ...meanOf(before, await measure(bare, batchSize)) })
  }
  const bare = Object.fromEntries(cells.filter((c) => c.target === 'bare-hono').map((c) => [c.batchSize, c]))
  for (const cell of cells) cell.ratioToBare = cell.eventsPerS / bare[cell.batchSize]?.eventsPerS
  // Table order: by target, then batch size (the sort is stable).
  cells.sort((a, b) => targets.findIndex((t) => t.name === a.target) - targets.findIndex((t) => t.name === b.target))

  const detail = markdownTable(
    [
      'target',
      'batch',
      'events/s',
      'requests/s',
      'p50 ms',
      'p99 ms',
      'peak RSS MB',
      'server CPU',
      'disk KB/event',
      'non-2xx',
      'vs bare',
    ],
    cells.map((c) =>
      c.na
        ? [c.target, c.batchSize, c.na, '', '', '', '', '', '', '', '']
        : [
            c.target,
            c.batchSize,
            formatInt(c.eventsPerS),
            formatInt(c.requestsPerS),
            formatFixed(c.p50Ms, 0),
            formatFixed(c.p99Ms, 0),
            formatInt(c.peakRssMB),
            formatPercent(c.cpuShare),
            formatDiskPerEvent(c.diskBytesPerEvent),
            formatInt(c.non2xx + c.errors),
            c.target === 'bare-hono' ? '(limit)' : formatPercent(c.ratioToBare),
          ],
    ),
    { align: ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'] },
  )
  const summary = markdownTable(
    ['store', ...batchSizes.map((b) => `batch ${b}`)],
    targets
      .filter((t) => t.name !== 'bare-hono')
      .map((t) => [
        t.name,
        ...batchSizes.map((b) => {
          const c = cells.find((x) => x.target === t.name && x.batchSize === b)
          return c.na ? 'n/a' : formatPercent(c.ratioToBare)
        }),
      ]),
    { align: ['l', ...batchSizes.map(() => 'r')] },
  )
  const notes =
    `${durationS} s per cell after a ${warmupS} s warm-up, ${connections} connections, pipelining 1; ` +
    'bare-hono is measured before and after the other targets of each batch size, its row the mean of the two ' +
    `(events/s ${batchSizes.map((b) => `batch ${b}: ${bare[b]?.spread ?? 'n/a'}`).join(', ')}); ` +
    'one device (anonymousId) per request, track events of ~400 bytes, every messageId new. ' +
    '"server CPU" is the collector process\'s CPU time over the run (100 % = one core). ' +
    '"disk KB/event" is what the process caused to be written to storage per stored event (write_bytes of /proc/<pid>/io): ' +
    'for SQLite the WAL and the checkpoints, steadier than a rate from run to run. ' +
    "Latencies are autocannon's, in whole milliseconds, 2xx only. " +
    '"node:http (reference)" parses the same body without Hono\'s web Request/stream layer: ' +
    'the gap to bare-hono is what `c.req.json()` costs per request.'
  return {
    markdown:
      `## 1. Collector ingest (POST /v1/batch)\n\n${notes}\n\n${detail}\n\n` +
      `Share of the bare-Hono event rate (same batch size, same run):\n\n${summary}\n`,
    data: cells,
  }
}

/** Two runs of one target as one row: the mean of each figure, the worst of the errors. */
function meanOf(first, second) {
  if (first.na || second.na) return first.na ? second : first
  const mean = (key) => (first[key] + second[key]) / 2
  return {
    eventsPerS: mean('eventsPerS'),
    requestsPerS: mean('requestsPerS'),
    p50Ms: mean('p50Ms'),
    p99Ms: mean('p99Ms'),
    peakRssMB: Math.max(first.peakRssMB, second.peakRssMB),
    cpuShare: mean('cpuShare'),
    diskBytesPerEvent: mean('diskBytesPerEvent'),
    non2xx: first.non2xx + second.non2xx,
    errors: first.errors + second.errors,
    spread: `${formatInt(first.eventsPerS)} then ${formatInt(second.eventsPerS)}`,
  }
}

export async function measureCell({ target, batchSize, durationS, warmupS, connections }) {
  let server
  let resources
  try {
    resources = await target.prepare()
    server = await target.start(resources)
  } catch (error) {
    await resources?.cleanup?.()
    const reason = error.message.replace(/^child exited before it was ready: /, '')
    return { na: /Unknown store/i.test(reason) ? 'n/a (store missing)' : `n/a (${reason.slice(0, 140)})` }
  }
  try {
    const url = `${server.url}/v1/batch`
    const headers = { 'content-type': 'application/json', authorization: writeKeyAuth }
    const nextBody = createBatchBody({ batchSize })
    const check = await fetch(url, { method: 'POST', headers, body: nextBody() })
    const answer = await check.text()
    if (!check.ok) return { na: `n/a (HTTP ${check.status}: ${answer.slice(0, 120)})` }
    const accepted = JSON.parse(answer).accepted
    if (accepted !== batchSize) return { na: `n/a (accepted ${accepted} of ${batchSize})` }

    await runLoad({ url, method: 'POST', headers, nextBody, durationS: warmupS, connections })
    const cpuBefore = server.cpuSeconds()
    const writesBefore = server.storageWrites()
    const load = await runLoad({ url, method: 'POST', headers, nextBody, durationS, connections })
    const cpuShare = (server.cpuSeconds() - cpuBefore) / load.seconds
    const { peakRssMB } = server.memory()
    if (load.ok === 0) return { na: `n/a (no 2xx; status codes ${JSON.stringify(load.statusCodes)})` }
    const diskBytesPerEvent = (server.storageWrites() - writesBefore) / (load.ok * batchSize)
    return {
      eventsPerS: load.requestsPerS * batchSize,
      requestsPerS: load.requestsPerS,
      p50Ms: load.p50Ms,
      p99Ms: load.p99Ms,
      peakRssMB,
      cpuShare,
      diskBytesPerEvent,
      non2xx: load.non2xx,
      errors: load.errors,
    }
  } finally {
    await server.stop()
    await resources?.cleanup?.()
  }
}

export function bareTarget() {
  return { name: 'bare-hono', prepare: async () => ({}), start: () => startBareServer() }
}

function nodeHttpTarget() {
  return {
    name: 'node:http (reference)',
    reference: true,
    prepare: async () => ({}),
    start: () => startBareNodeServer(),
  }
}

export function storeTarget(kind) {
  if (kind === 'memory') {
    return { name: 'memory', prepare: async () => ({}), start: () => startCollector({ store: 'memory:' }) }
  }
  if (kind === 'sqlite') {
    return {
      name: 'sqlite',
      prepare: async () => {
        const dir = mkdtempSync(join(tmpdir(), 'sillage-bench-'))
        return {
          store: `sqlite:${join(dir, 'bench.db')}`,
          cleanup: async () => rmSync(dir, { recursive: true, force: true }),
        }
      },
      start: ({ store }) => startCollector({ store }),
    }
  }
  if (kind === 'sqlite-normal') {
    return {
      name: 'sqlite (synchronous=normal)',
      prepare: async () => {
        const dir = mkdtempSync(join(tmpdir(), 'sillage-bench-'))
        return {
          store: `sqlite:${join(dir, 'bench.db')}?synchronous=normal`,
          cleanup: async () => rmSync(dir, { recursive: true, force: true }),
        }
      },
      start: ({ store }) => startCollector({ store }),
    }
  }
  if (kind === 'postgres') {
    return {
      name: 'postgres',
      prepare: async () => {
        let db
        try {
          db = await createTempDatabase()
        } catch (error) {
          throw new Error(`PostgreSQL unreachable: ${error.message}`)
        }
        return { store: db.url, cleanup: () => db.drop() }
      },
      start: ({ store }) => startCollector({ store }),
    }
  }
  throw new Error(`unknown store "${kind}" in BENCH_STORES (memory, sqlite, sqlite-normal, postgres)`)
}

/** Kilobytes with one decimal; a dash when nothing was stored (the bare servers) or /proc is missing. */
export function formatDiskPerEvent(bytes) {
  return Number.isFinite(bytes) && bytes > 0 ? formatFixed(bytes / 1024, 1) : '–'
}
