import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createBatchBody, deviceId, uniqueRunId } from '../lib/batch-body.mjs'
import { secretKeyAuth, startCollector, writeKeyAuth } from '../lib/collector-process.mjs'
import { runLoad } from '../lib/load.mjs'
import { sequentialLatency } from '../lib/sequential-latency.mjs'
import { formatFixed, formatInt, markdownTable } from '../lib/markdown-table.mjs'
import { SAMPLE_DEVICES, cacheDir, seededDevice, seededSqliteFile } from '../lib/seed-sqlite.mjs'

const BATCH = 20
const READ_S = 3

/**
 * Suite 2 — does cost grow with history? The SQLite collector on a file already holding
 * 0, 1 M, 5 M… events: ingest rate (batch 20), and `GET /v1/contacts/:id/events` latency
 * for a contact with 20 events (the same in every row: only the store's size changes) and
 * for a seeded contact (its own history grows with the store).
 */
export async function growthSuite({ sizes, durationS, warmupS, connections, seedBudgetS, log }) {
  const seedDeadline = Date.now() + seedBudgetS * 1000
  const rows = []
  for (const size of [...sizes].sort((a, b) => a - b)) {
    log(`growth: ${formatInt(size)} stored events`)
    const dir = mkdtempSync(join(tmpdir(), 'sillage-bench-growth-'))
    try {
      rows.push({ size, ...(await measureSize({ size, dir, seedDeadline, durationS, warmupS, connections, log })) })
    } catch (error) {
      rows.push({ size, na: `n/a (${error.message.split('\n')[0].slice(0, 140)})` })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
    const last = rows.at(-1)
    log(`  → ${last.na ?? `${formatInt(last.eventsPerS)} events/s, timeline p50 ${last.probeP50Ms} ms`}`)
  }

  const table = markdownTable(
    [
      'stored events',
      'file MB',
      'seeded in',
      'ingest events/s',
      'ingest p99 ms',
      'timeline p50 ms (20-event contact)',
      'timeline p99 ms',
      'timeline p50 ms (seeded contact)',
      'seeded contact events',
    ],
    rows.map((r) =>
      r.na
        ? [formatInt(r.size), r.na, '', '', '', '', '', '', '']
        : [
            formatInt(r.size),
            formatInt(r.fileMB),
            r.seed,
            formatInt(r.eventsPerS),
            formatFixed(r.ingestP99Ms, 0),
            formatFixed(r.probeP50Ms, 2),
            formatFixed(r.probeP99Ms, 2),
            r.heavyP50Ms === undefined ? '–' : formatFixed(r.heavyP50Ms, 2),
            r.heavyEvents === undefined ? '–' : formatInt(r.heavyEvents),
          ],
    ),
    { align: ['r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'] },
  )
  const notes =
    `SQLite store (synchronous=full). Files are seeded outside the timed part: a sample through the store's own ingest(), ` +
    `then the events table replicated in SQL (${formatInt(SAMPLE_DEVICES)} devices, so a seeded contact holds ≈ N / ${formatInt(SAMPLE_DEVICES)} events), ` +
    `and cached in ${cacheDir} keyed by schema. Ingest: ${durationS} s of batch-${BATCH} load after a ${warmupS} s warm-up. ` +
    `Timeline: GET /v1/contacts/:id/events (default page), one request at a time for ${READ_S} s per contact, right after the ingest load. ` +
    `Sizes: BENCH_GROWTH_SIZES; seeding budget BENCH_GROWTH_SEED_BUDGET_S=${seedBudgetS}.`
  return { markdown: `## 2. Cost growth with stored history (SQLite)\n\n${notes}\n\n${table}\n`, data: rows }
}

async function measureSize({ size, dir, seedDeadline, durationS, warmupS, connections, log }) {
  const path = join(dir, 'bench.db')
  let seed = '–'
  if (size > 0) {
    const seeded = await seededSqliteFile({ size, into: path, deadline: seedDeadline, log })
    if (!seeded)
      return {
        na: 'n/a (seeding did not fit the time budget; lower BENCH_GROWTH_SIZES or raise BENCH_GROWTH_SEED_BUDGET_S)',
      }
    seed = seeded.cached ? 'cache' : `${seeded.seededS.toFixed(0)} s`
  }
  const collector = await startCollector({ store: `sqlite:${path}` })
  try {
    const ingestHeaders = { 'content-type': 'application/json', authorization: writeKeyAuth }
    const readHeaders = { authorization: secretKeyAuth }

    // A probe contact with exactly 20 events, identical at every store size.
    const runId = `probe${uniqueRunId()}`
    const probeBody = createBatchBody({ batchSize: BATCH, devices: 1, runId })
    const probe = await fetch(`${collector.url}/v1/batch`, {
      method: 'POST',
      headers: ingestHeaders,
      body: probeBody(),
    })
    if (!probe.ok) throw new Error(`probe batch answered ${probe.status}: ${(await probe.text()).slice(0, 100)}`)
    const probeId = await contactId(collector.url, readHeaders, deviceId(runId, 0))

    const nextBody = createBatchBody({ batchSize: BATCH })
    await runLoad({
      url: `${collector.url}/v1/batch`,
      method: 'POST',
      headers: ingestHeaders,
      nextBody,
      durationS: warmupS,
      connections,
    })
    const ingest = await runLoad({
      url: `${collector.url}/v1/batch`,
      method: 'POST',
      headers: ingestHeaders,
      nextBody,
      durationS,
      connections,
    })

    const timeline = (id) =>
      sequentialLatency({
        url: `${collector.url}/v1/contacts/${encodeURIComponent(id)}/events`,
        headers: readHeaders,
        durationS: READ_S,
      })
    const probeRead = await timeline(probeId)
    const result = {
      seed,
      fileMB: fileSizeMB(path),
      eventsPerS: ingest.requestsPerS * BATCH,
      ingestP99Ms: ingest.p99Ms,
      probeP50Ms: probeRead.p50Ms,
      probeP99Ms: probeRead.p99Ms,
      errors: ingest.non2xx + ingest.errors + probeRead.failures,
    }
    if (size > 0) {
      const heavyId = await contactId(collector.url, readHeaders, seededDevice(0))
      const heavyRead = await timeline(heavyId)
      result.heavyP50Ms = heavyRead.p50Ms
      result.heavyEvents = Math.round(size / SAMPLE_DEVICES)
    }
    if (ingest.ok === 0) throw new Error(`ingest got no 2xx: ${JSON.stringify(ingest.statusCodes)}`)
    return result
  } finally {
    await collector.stop()
  }
}

async function contactId(url, headers, anonymousId) {
  const response = await fetch(`${url}/v1/contacts?anonymousId=${encodeURIComponent(anonymousId)}`, { headers })
  const body = await response.json()
  const id = body.contacts?.[0]?.id
  if (!id) throw new Error(`no contact for anonymousId ${anonymousId} (GET /v1/contacts answered ${response.status})`)
  return id
}

function fileSizeMB(path) {
  let bytes = 0
  for (const suffix of ['', '-wal']) {
    try {
      bytes += statSync(path + suffix).size
    } catch {}
  }
  return bytes / 2 ** 20
}
