import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import postgres from 'postgres'
import { uniqueRunId } from '../lib/batch-body.mjs'
import { repoRoot, secretKeyAuth, startCollector, writeKeyAuth } from '../lib/collector-process.mjs'
import { formatFixed, formatInt, markdownTable } from '../lib/markdown-table.mjs'
import { createTempDatabase } from '../lib/temp-postgres.mjs'
import { startWebhookReceiver } from '../lib/webhook-receiver.mjs'

const dist = `${repoRoot}packages/collector/dist/`
const ALLOW_PRIVATE = { SILLAGE_WEBHOOK_ALLOW_PRIVATE: 'true' }
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')

/**
 * Automations: the real CLI, a real receiver on 127.0.0.1 (`--webhook-allow-private`).
 * 1. commit → webhook latency at `eventsPerS` with `automations` automations (SQLite, PostgreSQL);
 * 2. deliveries per second draining `deliveries` seeded messages (SQLite, PostgreSQL);
 * 3. `timers` pending timers in SQLite: the idle collector's CPU and RSS over `idleS`, then the
 *    firing rate of `dueTimers` of them coming due at once.
 */
export async function automationsSuite(options) {
  const { stores, log } = options
  const latency = []
  for (const store of stores) {
    log(`automations: latency on ${store} at ${options.eventsPerS} events/s`)
    latency.push(await guarded({ store }, () => measureLatency({ ...options, store })))
  }
  const skipped = { na: 'not measured (set to 0)' }
  const deliveries = []
  for (const store of stores) {
    log(`automations: ${formatInt(options.deliveries)} seeded deliveries on ${store}`)
    deliveries.push(
      options.deliveries > 0
        ? await guarded({ store }, () => measureDeliveries({ ...options, store }))
        : { store, ...skipped },
    )
  }
  log(`automations: ${formatInt(options.timers)} pending timers on sqlite`)
  const timers = options.timers > 0 ? await guarded({}, () => measureTimers(options)) : skipped
  return { markdown: markdownOf({ latency, deliveries, timers, options }), data: { latency, deliveries, timers } }
}

async function guarded(base, measure) {
  try {
    return { ...base, ...(await measure()), load: load() }
  } catch (error) {
    return {
      ...base,
      na: `n/a (${String(error.message ?? error)
        .split('\n')[0]
        .slice(0, 160)})`,
      load: load(),
    }
  }
}

/** A store for one measurement, removed afterwards. */
async function openStore(kind) {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'sillage-bench-automations-'))
    const path = join(dir, 'bench.db')
    return { store: `sqlite:${path}`, path, cleanup: async () => rmSync(dir, { recursive: true, force: true }) }
  }
  if (kind === 'postgres') {
    const db = await createTempDatabase()
    return { store: db.url, cleanup: () => db.drop() }
  }
  throw new Error(`unknown store "${kind}" in BENCH_AUTOMATION_STORES (sqlite, postgres)`)
}

async function admin(collector, method, path, body) {
  const response = await fetch(collector.url + path, {
    method,
    headers: { Authorization: secretKeyAuth, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const answer = await response.json()
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(answer)}`)
  return answer
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]

async function measureLatency({ store: kind, eventsPerS, automations, latencyS, cpuProfileDir, log }) {
  const receiver = await startWebhookReceiver()
  const store = await openStore(kind)
  // BENCH_AUTOMATION_CPU_PROF=<dir>: a `node --cpu-prof` profile of each latency collector, for working on it.
  const nodeFlags = cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}/${kind}`] : []
  const collector = await startCollector({ store: store.store, env: ALLOW_PRIVATE, nodeFlags })
  try {
    const endpoint = await admin(collector, 'POST', '/v1/webhooks', { url: receiver.url })
    for (let i = 0; i < automations; i++) {
      await admin(collector, 'POST', '/v1/automations', {
        name: `Bench ${i}`,
        reentry: 'always',
        trigger: { event: `bench_${i}` },
        steps: [{ webhook: { endpoint: endpoint.id, payload: { messageId: '{{trigger.messageId}}' } } }],
      })
    }
    const runId = uniqueRunId()
    const sentAt = new Map()
    const started = performance.now()
    const cpuBefore = collector.cpuSeconds()
    let sent = 0
    let refused = 0
    const inFlight = new Set()
    // Open loop: every 10 ms, one request with the events due by now, whatever the answers.
    while (performance.now() - started < latencyS * 1000) {
      const due = Math.floor(((performance.now() - started) / 1000) * eventsPerS) - sent
      if (due > 0) {
        const batch = []
        const now = performance.now()
        for (let i = 0; i < due; i++, sent++) {
          const messageId = `${runId}-${sent}`
          sentAt.set(messageId, now)
          batch.push({
            type: 'track',
            event: `bench_${sent % automations}`,
            messageId,
            anonymousId: `anon-${runId}-${sent % 1000}`,
            properties: { n: sent },
          })
        }
        const request = fetch(`${collector.url}/v1/batch`, {
          method: 'POST',
          headers: { Authorization: writeKeyAuth, 'Content-Type': 'application/json' },
          body: JSON.stringify({ batch }),
        })
          .then(async (response) => {
            await response.arrayBuffer()
            if (!response.ok) refused += batch.length
          })
          .catch(() => {
            refused += batch.length
          })
          .finally(() => inFlight.delete(request))
        inFlight.add(request)
      }
      await sleep(10)
    }
    await Promise.all(inFlight)
    const cpuS = collector.cpuSeconds() - cpuBefore
    const drainUntil = performance.now() + 30_000
    while (receiver.received.length < sent - refused && performance.now() < drainUntil) await sleep(100)
    const latencies = receiver.received
      .map(({ at, body }) => at - (sentAt.get(body?.messageId) ?? Number.NaN))
      .filter(Number.isFinite)
      .sort((a, b) => a - b)
    log(`  → ${latencies.length}/${sent} received, p99 ${formatFixed(percentile(latencies, 0.99), 0)} ms`)
    return {
      sent,
      refused,
      received: latencies.length,
      p50Ms: percentile(latencies, 0.5),
      p99Ms: percentile(latencies, 0.99),
      maxMs: latencies.at(-1),
      serverCpu: cpuS / latencyS,
    }
  } finally {
    await collector.stop()
    await receiver.close()
    await store.cleanup()
  }
}

/**
 * Creates the endpoint (and automation) through the API of a first collector, so the store
 * has the real schema and definitions, then stops it: the seeding writes the store alone.
 */
async function prepareStore({ receiver, automation, kind = 'sqlite' }) {
  const store = await openStore(kind)
  const collector = await startCollector({ store: store.store, env: ALLOW_PRIVATE })
  try {
    const endpoint = await admin(collector, 'POST', '/v1/webhooks', { url: receiver.url })
    const created = automation ? await admin(collector, 'POST', '/v1/automations', automation(endpoint)) : null
    return { store, endpoint, automation: created }
  } finally {
    await collector.stop()
  }
}

function insertRecords(path, count, recordAt) {
  const db = new Database(path)
  db.pragma('synchronous = OFF') // a seed, not a durability test
  const insert = db.prepare(
    `INSERT INTO automation_records (kind, id, automation_id, endpoint_id, contact_id, status, unique_key, due_at,
      created_at, body) VALUES (@kind, @id, @automationId, @endpointId, @contactId, @status, @uniqueKey, @dueAt,
      @createdAt, @body)`,
  )
  const chunk = db.transaction((from, to) => {
    for (let i = from; i < to; i++) {
      for (const record of recordAt(i)) insert.run({ ...record, body: JSON.stringify(record.body) })
    }
  })
  for (let from = 0; from < count; from += 50_000) chunk(from, Math.min(count, from + 50_000))
  db.close()
}

/** The same seeding on PostgreSQL: a few thousand rows per statement. */
async function insertPostgresRecords(url, count, recordAt) {
  const sql = postgres(url, { max: 1, onnotice: () => {} })
  try {
    for (let from = 0; from < count; from += 5_000) {
      const records = []
      for (let i = from; i < Math.min(count, from + 5_000); i++) records.push(...recordAt(i))
      const rows = records.map((r) => ({
        kind: r.kind,
        id: r.id,
        automation_id: r.automationId,
        endpoint_id: r.endpointId,
        contact_id: r.contactId,
        status: r.status,
        unique_key: r.uniqueKey,
        due_at: r.dueAt,
        created_at: r.createdAt,
        body: r.body,
      }))
      await sql`INSERT INTO automation_records
          (kind, id, automation_id, endpoint_id, contact_id, status, unique_key, due_at, created_at, body)
        SELECT kind, id, automation_id, endpoint_id, contact_id, status, unique_key, due_at, created_at, body::json
        FROM jsonb_to_recordset(${sql.json(rows)}) AS r (kind text, id text, automation_id text, endpoint_id text,
          contact_id text, status text, unique_key text, due_at text, created_at text, body jsonb)`
    }
  } finally {
    await sql.end({ timeout: 5 })
  }
}

async function measureDeliveries({ deliveries: count, store: kind, log }) {
  const { deliveryRecord } = await import(`${dist}automations/records/stored-delivery.js`)
  const { newDelivery } = await import(`${dist}webhooks/delivery-state.js`)
  const receiver = await startWebhookReceiver()
  const { store, endpoint } = await prepareStore({ receiver, kind })
  try {
    const now = new Date()
    const seedStarted = performance.now()
    const insert =
      kind === 'postgres'
        ? (...args) => insertPostgresRecords(store.store, ...args)
        : (...args) => insertRecords(store.path, ...args)
    await insert(count, (i) => [
      deliveryRecord({
        ...newDelivery(now),
        id: `dl_bench_${i}`,
        webhookId: `msg_bench_${i}`,
        endpointId: endpoint.id,
        automationId: null,
        runId: null,
        contactId: null,
        body: JSON.stringify({ type: 'bench', n: i }),
        createdAt: now.toISOString(),
      }),
    ])
    log(`  seeded in ${formatFixed((performance.now() - seedStarted) / 1000, 1)} s`)
    const collector = await startCollector({ store: store.store, env: ALLOW_PRIVATE })
    try {
      const cpuBefore = collector.cpuSeconds()
      const deadline = performance.now() + Math.max(60_000, count * 5)
      while (receiver.received.length < count && performance.now() < deadline) await sleep(100)
      const cpuS = collector.cpuSeconds() - cpuBefore
      const arrivals = receiver.received.map(({ at }) => at)
      const spanS = (arrivals.at(-1) - arrivals[0]) / 1000
      const perS = (arrivals.length - 1) / spanS
      log(`  → ${formatInt(arrivals.length)} delivered, ${formatInt(perS)}/s`)
      return { seeded: count, delivered: arrivals.length, perS, spanS, serverCpu: cpuS / spanS }
    } finally {
      await collector.stop()
    }
  } finally {
    await receiver.close()
    await store.cleanup()
  }
}

async function measureTimers({ timers: count, dueTimers, idleS, log }) {
  const { runRecord } = await import(`${dist}automations/records/automation-run.js`)
  const receiver = await startWebhookReceiver()
  const { store, automation } = await prepareStore({
    receiver,
    automation: () => ({ name: 'Bench timers', trigger: { event: 'bench_timer' }, steps: [{ delay: '30d' }] }),
  })
  try {
    const createdAt = new Date().toISOString()
    const seedStarted = performance.now()
    // Far off for most; the last `dueTimers` are set due together once seeding is done.
    const farOff = new Date(Date.now() + 30 * 86_400_000).toISOString()
    const later = new Date(Date.now() + 29 * 86_400_000).toISOString()
    insertRecords(store.path, count, (i) => {
      const run = {
        id: `run_bench_${i}`,
        automationId: automation.id,
        contactId: `c_bench_${i}`,
        status: 'waiting',
        exitReason: null,
        startedAt: createdAt,
        log: [{ at: createdAt, step: '0', outcome: `waiting until ${farOff}` }],
        position: [0],
        waiting: { kind: 'delay', timerId: `tm_bench_${i}` },
        trigger: { name: 'bench_timer', properties: {}, timestamp: createdAt, messageId: `m_bench_${i}` },
        triggerKey: `bench_${i}`,
      }
      const timer = {
        kind: 'timer',
        id: `tm_bench_${i}`,
        automationId: automation.id,
        endpointId: null,
        contactId: run.contactId,
        status: null,
        uniqueKey: null,
        dueAt: i < count - dueTimers ? farOff : later,
        createdAt,
        body: { runId: run.id },
      }
      return [runRecord(run), timer]
    })
    const seedS = (performance.now() - seedStarted) / 1000
    log(`  seeded ${formatInt(count)} runs and timers in ${formatFixed(seedS, 1)} s`)
    const dueAt = new Date(Date.now() + (idleS + 30) * 1000)
    const db = new Database(store.path)
    db.prepare(`UPDATE automation_records SET due_at = ? WHERE kind = 'timer' AND due_at = ?`).run(
      dueAt.toISOString(),
      later,
    )
    db.close()
    const collector = await startCollector({ store: store.store, env: ALLOW_PRIVATE })
    try {
      await sleep(3000) // start-up settles (migrations check, first nextDueAt) before the idle window
      const rssBefore = collector.memory().rssMB
      const cpuBefore = collector.cpuSeconds()
      await sleep(idleS * 1000)
      const idleCpu = (collector.cpuSeconds() - cpuBefore) / idleS
      const rssAfter = collector.memory().rssMB
      log(`  idle: CPU ${formatFixed(idleCpu * 100, 2)} %, RSS ${formatInt(rssBefore)} → ${formatInt(rssAfter)} MB`)
      const reader = new Database(store.path, { readonly: true })
      const dueLeft = reader.prepare(
        `SELECT count(*) AS n FROM automation_records WHERE kind = 'timer' AND due_at IS NOT NULL AND due_at < ?`,
      )
      const left = () => dueLeft.get(farOff).n
      while (Date.now() < dueAt.getTime()) await sleep(50)
      const fireStarted = performance.now()
      const fireCpuBefore = collector.cpuSeconds()
      const deadline = fireStarted + Math.max(120_000, dueTimers * 10)
      while (left() > 0 && performance.now() < deadline) await sleep(100)
      const fireS = (performance.now() - fireStarted) / 1000
      const fired = dueTimers - left()
      const fireCpu = (collector.cpuSeconds() - fireCpuBefore) / fireS
      const peakRssMB = collector.memory().peakRssMB
      reader.close()
      log(`  fired ${formatInt(fired)} in ${formatFixed(fireS, 1)} s`)
      return { count, dueTimers, seedS, idleS, idleCpu, rssBefore, rssAfter, fired, fireS, fireCpu, peakRssMB }
    } finally {
      await collector.stop()
    }
  } finally {
    await receiver.close()
    await store.cleanup()
  }
}

function markdownOf({ latency, deliveries, timers, options }) {
  const verdict = (ok) => (ok ? 'met' : '**missed**')
  const latencyTable = markdownTable(
    ['store', 'events sent', 'webhooks received', 'p50 ms', 'p99 ms', 'max ms', 'server CPU', 'goal p99 < 1 s', 'load'],
    latency.map((r) =>
      r.na
        ? [r.store, r.na, '', '', '', '', '', '', r.load]
        : [
            r.store,
            formatInt(r.sent),
            formatInt(r.received),
            formatFixed(r.p50Ms, 0),
            formatFixed(r.p99Ms, 0),
            formatFixed(r.maxMs, 0),
            `${formatFixed(r.serverCpu * 100, 0)} %`,
            verdict(r.p99Ms < 1000 && r.received === r.sent),
            r.load,
          ],
    ),
    { align: ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'l', 'l'] },
  )
  const deliveryTable = markdownTable(
    ['store', 'messages', 'delivered', 'deliveries/s', 'server CPU', 'goal ≥ 1,000/s', 'load'],
    deliveries.map((d) =>
      d.na
        ? [d.store, d.na, '', '', '', '', d.load ?? '']
        : [
            d.store,
            formatInt(d.seeded),
            formatInt(d.delivered),
            formatInt(d.perS),
            `${formatFixed(d.serverCpu * 100, 0)} %`,
            verdict(d.perS >= 1000 && d.delivered === d.seeded),
            d.load,
          ],
    ),
    { align: ['l', 'r', 'r', 'r', 'r', 'l', 'l'] },
  )
  const t = timers
  const timerTable = markdownTable(
    ['pending timers', 'seeded in', 'idle CPU', 'RSS start → end', 'due at once', 'fired', 'timers/s', 'CPU', 'load'],
    [
      t.na
        ? [formatInt(options.timers), t.na, '', '', '', '', '', '', t.load]
        : [
            formatInt(t.count),
            `${formatFixed(t.seedS, 0)} s`,
            `${formatFixed(t.idleCpu * 100, 2)} % over ${t.idleS} s`,
            `${formatInt(t.rssBefore)} → ${formatInt(t.rssAfter)} MB`,
            formatInt(t.dueTimers),
            formatInt(t.fired),
            formatInt(t.fired / t.fireS),
            `${formatFixed(t.fireCpu * 100, 0)} %`,
            t.load,
          ],
    ],
    { align: ['r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l'] },
  )
  return [
    '## Automations',
    '',
    `Commit → webhook received, ${options.eventsPerS} events/s for ${options.latencyS} s, ` +
      `${options.automations} automations (each event triggers one):`,
    '',
    latencyTable,
    '',
    'Deliveries to one local receiver, messages seeded due at once:',
    '',
    deliveryTable,
    '',
    'Pending timers on SQLite, the collector idle, then a share of them due at once:',
    '',
    timerTable,
    '',
  ].join('\n')
}
