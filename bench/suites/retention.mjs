import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { createBatchBody } from '../lib/batch-body.mjs'
import { startCollector, writeKeyAuth } from '../lib/collector-process.mjs'
import { runLoad } from '../lib/load.mjs'
import { formatFixed, formatInt, markdownTable } from '../lib/markdown-table.mjs'
import { countOldRows, seedOldEvents } from '../lib/seed-old-events.mjs'
import { createTempDatabase } from '../lib/temp-postgres.mjs'

const BATCH = 20
/** Ingest p99 while retention deletes may be at most this many times the p99 without it. */
const GOAL_RATIO = 2

/**
 * Suite 6 — what retention costs ingestion. Per store, a fresh store seeded with `events`
 * events from 2020 (and their feed entries), then three collector runs on it under the
 * same batch-20 load: `--retention-days 0` (nothing to delete), `--retention-days 30`
 * (the deletion of the old events starts with the collector and runs beside the load),
 * and `--retention-days 0` again. The reference is the mean of the runs before and after,
 * so a machine that got busier or quieter meanwhile moves it with the deleting run.
 */
export async function retentionSuite({ stores, events, durationS, warmupS, connections, log }) {
  const rows = []
  for (const store of stores) {
    log(`retention: ${store}, seeding ${formatInt(events)} old events`)
    try {
      rows.push({ store, ...(await measureStore({ store, events, durationS, warmupS, connections, log })) })
    } catch (error) {
      log(`retention: ${store} failed: ${error.stack ?? error}`)
      rows.push({
        store,
        na: `n/a (${String(error.message ?? error)
          .split('\n')[0]
          .slice(0, 140)})`,
      })
    }
  }
  const table = markdownTable(
    [
      'store',
      'seeded in',
      'run',
      'events/s',
      'p50 ms',
      'p99 ms',
      'max ms',
      'failed',
      'old events deleted',
      'feed entries forgotten',
      'load avg (1 min)',
    ],
    rows.flatMap((r) =>
      r.na
        ? [[r.store, r.na, '', '', '', '', '', '', '', '', '']]
        : r.runs.map((run) => [
            r.store,
            r.seededS,
            run.label,
            formatInt(run.load.requestsPerS * BATCH),
            formatFixed(run.load.p50Ms, 0),
            formatFixed(run.load.p99Ms, 0),
            formatFixed(run.load.maxMs, 0),
            formatInt(run.load.non2xx + run.load.errors),
            formatInt(run.deleted.events),
            formatInt(run.deleted.changes),
            run.loadAverage,
          ]),
    ),
    { align: ['l', 'r', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'] },
  )
  const verdicts = rows
    .filter((r) => !r.na)
    .map(
      (r) =>
        `- ${r.store}: p99 while deleting ${formatFixed(r.p99Ratio, 2)}× the p99 without ` +
        `(goal ≤ ${GOAL_RATIO}×: ${r.p99Ratio <= GOAL_RATIO ? 'met' : 'missed'}); events/s ${formatFixed(r.rateRatio, 2)}×` +
        (r.deletionOutlasted ? '' : '; the deletion ended before the load did: raise the event count'),
    )
  const notes =
    `Each store seeded with ${formatInt(events)} events dated 2020 and their feed entries (in SQL, after the store's ` +
    `own migrations), then loaded by the collector CLI with batch-${BATCH} ingestion, ${connections} connections, ` +
    `${warmupS} s warm-up then ${durationS} s measured, three times: without retention, with \`--retention-days 30\` ` +
    `(the deletion starts with the collector), and without again. Ratios are against the mean of the runs before ` +
    `and after. Scale: BENCH_RETENTION_EVENTS, BENCH_RETENTION_DURATION_S, BENCH_RETENTION_STORES.`
  return {
    markdown: `## 6. Retention beside ingestion\n\n${notes}\n\n${table}\n\n${verdicts.join('\n')}\n`,
    data: rows,
  }
}

async function measureStore({ store, events, durationS, warmupS, connections, log }) {
  const target = await createTarget(store)
  try {
    const started = Date.now()
    await seedOldEvents(target.url, events)
    const seededS = `${((Date.now() - started) / 1000).toFixed(0)} s`
    const runs = []
    let left = { events, changes: events }
    for (const [label, retentionDays] of [
      ['no retention', 0],
      ['retention deleting', 30],
      ['no retention, again', 0],
    ]) {
      const load = await loadCollector({ url: target.url, retentionDays, durationS, warmupS, connections })
      const now = await countOldRows(target.url)
      runs.push({
        label,
        retentionDays,
        load,
        deleted: { events: left.events - now.events, changes: left.changes - now.changes },
        left: now,
        loadAverage: loadavg()[0].toFixed(2),
      })
      log(`  → ${label}: ${formatInt(load.requestsPerS * BATCH)} events/s, p99 ${load.p99Ms} ms`)
      left = now
    }
    const [before, deleting, after] = runs
    const p99Ratio = deleting.load.p99Ms / ((before.load.p99Ms + after.load.p99Ms) / 2)
    const rateRatio = deleting.load.requestsPerS / ((before.load.requestsPerS + after.load.requestsPerS) / 2)
    // Old feed entries are forgotten after the last old event is gone: some left means the
    // deletion was still under way when the load ended.
    return { seededS, runs, p99Ratio, rateRatio, deletionOutlasted: deleting.left.changes > 0 }
  } finally {
    await target.drop()
  }
}

/** A fresh, empty store: a SQLite file in a temp dir, or a throw-away PostgreSQL database. */
async function createTarget(store) {
  if (store === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'sillage-bench-retention-'))
    return { url: `sqlite:${join(dir, 'sillage.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) }
  }
  if (store === 'postgres') return createTempDatabase()
  throw new Error(`unknown store "${store}" (use sqlite or postgres)`)
}

async function loadCollector({ url, retentionDays, durationS, warmupS, connections }) {
  const collector = await startCollector({ store: url, env: { SILLAGE_RETENTION_DAYS: String(retentionDays) } })
  try {
    const options = {
      url: `${collector.url}/v1/batch`,
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: writeKeyAuth },
      nextBody: createBatchBody({ batchSize: BATCH }),
      connections,
    }
    await runLoad({ ...options, durationS: warmupS })
    const load = await runLoad({ ...options, durationS })
    if (load.ok === 0) throw new Error(`ingest got no 2xx: ${JSON.stringify(load.statusCodes)}`)
    return load
  } finally {
    await collector.stop()
  }
}
