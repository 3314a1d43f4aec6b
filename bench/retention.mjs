/**
 * What retention costs ingestion: a SQLite store holding 1 M events (and their feed
 * entries) from 2020, ingested under load by the real collector CLI, first with
 * `--retention-days 0` (nothing to delete), then restarted with `--retention-days 30`,
 * which starts deleting the old events, 500 per transaction, while the same load runs.
 * Prints ingest p50/p99 of both runs and how many old rows the deletion got through.
 * About 1–2 minutes. Not part of `npm run bench`; needs `npm run build` first.
 *
 * Usage: node bench/retention.mjs [events=1000000] [loadSeconds=10]
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { createBatchBody } from './lib/batch-body.mjs'
import { repoRoot, startCollector, writeKeyAuth } from './lib/collector-process.mjs'
import { runLoad } from './lib/load.mjs'

const [eventsArg = '1000000', secondsArg = '10'] = process.argv.slice(2)
const oldEvents = Number(eventsArg)
const loadSeconds = Number(secondsArg)
const dir = mkdtempSync(join(tmpdir(), 'sillage-retention-bench-'))
const file = join(dir, 'sillage.db')
const log = (line) => console.error(`retention bench: ${line}`)

/** The store's own schema (migrations), then `count` events from 2020 and their feed entries, in SQL. */
async function seed(count) {
  const { createStore } = await import(`${repoRoot}packages/collector/dist/stores/create-store.js`)
  const store = createStore(`sqlite:${file}`)
  await store.open()
  await store.close()
  const db = new Database(file)
  db.pragma('synchronous = OFF')
  const numbers = `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${count})`
  const at = `strftime('%Y-%m-%dT%H:%M:%fZ', '2020-01-01', '+' || (i % 500000) || ' minutes')`
  db.transaction(() => {
    db.exec(`${numbers}
      INSERT INTO events (source, message_id, contact_id, type, name, anonymous_id, properties, context,
        timestamp, original_timestamp, received_at, identity)
      SELECT 'bench-write-key', 'old-' || i, 'c_old_' || (i % 25000), 'track', 'Product Viewed', 'old-device-' || (i % 25000),
        '{"product_id":"sku-1","price":19.99}', '{"page":{"path":"/products/sku-1"}}', ${at}, ${at}, ${at}, 'anonymous'
      FROM n`)
    db.exec(`${numbers}
      INSERT INTO changes (type, at, contact_id, data)
      SELECT 'event.stored', ${at}, 'c_old_' || (i % 25000), '{"messageId":"old-' || i || '","name":"Product Viewed"}' FROM n`)
  })()
  db.close()
}

function oldRowsLeft() {
  const db = new Database(file, { readonly: true })
  try {
    const events = db.prepare("SELECT count(*) FROM events WHERE timestamp < '2021-01-01'").pluck().get()
    const changes = db
      .prepare("SELECT count(*) FROM changes WHERE data IS NOT NULL AND at < '2021-01-01'")
      .pluck()
      .get()
    return { events, changes }
  } finally {
    db.close()
  }
}

/** The collector on the seeded file under batch-20 load; the figures of the load, and what was left after. */
async function measure(retentionDays) {
  const collector = await startCollector({
    store: `sqlite:${file}`,
    env: { SILLAGE_RETENTION_DAYS: String(retentionDays) },
  })
  try {
    const load = await runLoad({
      url: `${collector.url}/v1/batch`,
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: writeKeyAuth },
      nextBody: createBatchBody({ batchSize: 20 }),
      durationS: loadSeconds,
      connections: 16,
    })
    return { load, left: oldRowsLeft() }
  } finally {
    await collector.stop()
  }
}

try {
  const started = Date.now()
  await seed(oldEvents)
  log(
    `seeded ${oldEvents.toLocaleString('en-US')} old events and feed entries in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  )
  const without = await measure(0)
  const during = await measure(30)
  const row = (label, { load, left }) =>
    `| ${label} | ${Math.round(load.requestsPerS * 20)} | ${load.p50Ms} | ${load.p99Ms} | ${load.maxMs} | ${load.non2xx + load.errors} | ` +
    `${(oldEvents - left.events).toLocaleString('en-US')} | ${(oldEvents - left.changes).toLocaleString('en-US')} |`
  console.log(
    `Ingest (batch 20, 16 connections, ${loadSeconds} s) on SQLite holding ${oldEvents.toLocaleString('en-US')} events from 2020\n`,
  )
  console.log('| run | events/s | p50 ms | p99 ms | max ms | failed | old events deleted | feed entries forgotten |')
  console.log('|---|---|---|---|---|---|---|---|')
  console.log(row('--retention-days 0', without))
  console.log(row('--retention-days 30 (deleting)', during))
  console.log(
    `\nload average: ${(await import('node:os'))
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
  )
} finally {
  rmSync(dir, { recursive: true, force: true })
}
