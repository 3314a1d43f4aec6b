import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { secretKeyAuth, startCollector, writeKeyAuth } from '../lib/collector-process.mjs'
import { runLoad } from '../lib/load.mjs'
import { formatFixed, formatInt, formatPercent, markdownTable } from '../lib/markdown-table.mjs'
import { seedSegmentStore } from '../lib/seed-segment-store.mjs'
import { sequentialLatency } from '../lib/sequential-latency.mjs'
import { createTempDatabase } from '../lib/temp-postgres.mjs'

/** The five segments timed from scratch, as a user would write them. */
export const representativeSegments = [
  ['ordered twice in 30 days', { event: 'order_completed', count: { gte: 2 }, within: '30d' }],
  [
    'viewed pricing > 3 times',
    { event: 'page_viewed', where: [{ property: 'path', eq: '/pricing' }], count: { gt: 3 } },
  ],
  ['not logged in for 14 days', { event: 'logged_in', last: { before: '14d' } }],
  ['ordered an item over 50', { event: 'order_completed', where: [{ property: 'data.items.price', gt: 50 }] }],
  ['wishlist then bought', { sequence: [{ event: 'added_to_wishlist' }, { event: 'order_completed' }] }],
]

/** Fourteen more, so that with the probe segment 20 are live during the ingest run. */
export const moreSegments = [
  { event: 'order_completed', count: { gt: 3 } },
  { event: 'order_completed', first: { within: '30d' } },
  { event: 'logged_in', count: { gte: 1 }, within: '7d' },
  { event: 'page_viewed', count: { gte: 30 }, within: '30d' },
  { event: 'product_viewed', count: { gt: 5 }, within: '14d' },
  { event: 'added_to_wishlist', count: { eq: 0 } },
  { event: 'order_completed', where: [{ property: 'total', gte: 200 }] },
  {
    all: [
      { event: 'logged_in', within: '30d' },
      { event: 'order_completed', count: { eq: 0 }, within: '30d' },
    ],
  },
  {
    any: [
      { event: 'added_to_wishlist', within: '7d' },
      { event: 'order_completed', within: '7d' },
    ],
  },
  { event: 'page_viewed', where: [{ property: 'path', startsWith: '/products/sku-1' }], within: '30d' },
  { not: { event: 'logged_in', within: '60d' } },
  { event: 'logged_in', first: { before: '60d' } },
  { sequence: [{ event: 'logged_in' }, { event: 'added_to_wishlist' }], within: '30d' },
  { attribute: 'plan', eq: 'pro' },
]

const probeEvent = 'bench_probe'
const probeSegment = { event: probeEvent }

/**
 * Segments on a store seeded with `events` events over `contacts` contacts (bulk SQL, see
 * seed-segment-store.mjs), per store, one collector process each:
 * 1. the five representative segments computed from scratch, one after the other;
 * 2. ingest throughput (batches of 20 events of seeded contacts) with no segment, then with 20;
 * 3. during the second run, the lag from a probe event's receipt to its contact's
 *    `segment.entered` (both instants as the collector recorded them in the change feed);
 * 4. members page and explain latency, one request at a time.
 */
export async function segmentsSuite({ stores, events, contacts, durationS, warmupS, connections, log }) {
  const rows = []
  for (const kind of stores) {
    log(`segments: ${kind}, ${events.toLocaleString('en-US')} events over ${contacts.toLocaleString('en-US')} contacts`)
    const target = await prepareStore(kind)
    try {
      rows.push({
        store: kind,
        ...(await measureStore({ target, events, contacts, durationS, warmupS, connections, log })),
      })
    } catch (error) {
      log(`segments: ${kind} failed: ${error.stack ?? error}`)
      rows.push({ store: kind, failed: String(error.message ?? error).split('\n')[0] })
    } finally {
      await target.cleanup()
    }
  }
  return { markdown: render(rows, { events, contacts, durationS, connections }), data: rows }
}

async function prepareStore(kind) {
  if (kind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'sillage-bench-segments-'))
    return {
      store: `sqlite:${join(dir, 'bench.db')}`,
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    }
  }
  if (kind === 'postgres') {
    const db = await createTempDatabase()
    return { store: db.url, cleanup: () => db.drop() }
  }
  throw new Error(`unknown store "${kind}" for the segments suite (sqlite, postgres)`)
}

const load = () => loadavg()[0].toFixed(2)

async function measureStore({ target, events, contacts, durationS, warmupS, connections, log }) {
  const seeded = await seedSegmentStore({ store: target.store, events, contacts, now: new Date(), log })
  log(`segments: seeded in ${seeded.seededS.toFixed(0)} s`)
  const collector = await startCollector({ store: target.store, env: { SILLAGE_RETENTION_DAYS: '0' } })
  const api = apiOf(collector.url)
  try {
    const computes = []
    for (const [name, match] of representativeSegments) {
      const computed = await api.createAndCompute(name, match)
      log(`segments: "${name}" computed in ${computed.seconds.toFixed(1)} s, ${computed.size} members`)
      computes.push({ name, ...computed, load: load() })
    }
    const batches = createContactBatches({ contacts })
    const ingest = (seconds) =>
      runLoad({
        url: `${collector.url}/v1/batch`,
        ...api.batchRequest,
        nextBody: batches,
        durationS: seconds,
        connections,
      })
    await ingest(warmupS)
    const without = { ...(await ingest(durationS)), load: load() }
    log(`segments: ingest without segments ${formatInt(without.requestsPerS * 20)} events/s`)

    for (const [index, match] of moreSegments.entries()) await api.createAndCompute(`more ${index}`, match)
    const probe = await api.createAndCompute('probe', probeSegment)
    const probes = startProbes(api, { intervalMs: 100 })
    const withSegments = { ...(await ingest(durationS)), load: load() }
    const committedAt = await probes.stop()
    log(`segments: ingest with 20 segments ${formatInt(withSegments.requestsPerS * 20)} events/s`)
    const lag = await api.membershipLag({ probeSegmentId: probe.id, committedAt })

    const big = computes[0]
    const [member] = (await api.get(`/v1/segments/${big.id}/contacts?limit=1`)).contacts
    const members = await sequentialLatency({
      url: `${collector.url}/v1/segments/${big.id}/contacts?limit=50`,
      headers: { authorization: secretKeyAuth },
      durationS: 3,
      maxRequests: 1000,
    })
    const explain = await sequentialLatency({
      url: `${collector.url}/v1/segments/${big.id}/explain?contactId=${member.id}`,
      headers: { authorization: secretKeyAuth },
      durationS: 3,
      maxRequests: 1000,
    })
    return {
      seededS: seeded.seededS,
      computes,
      without,
      withSegments,
      ratio: withSegments.requestsPerS / without.requestsPerS,
      lag: { ...lag, load: withSegments.load },
      members: { ...members, load: load() },
      explain: { ...explain, load: load() },
    }
  } finally {
    await collector.stop()
  }
}

function apiOf(base) {
  const json = { 'content-type': 'application/json' }
  const secret = { ...json, authorization: secretKeyAuth }
  const call = async (path, init = {}) => {
    const response = await fetch(`${base}${path}`, { ...init, headers: { ...secret, ...init.headers } })
    const text = await response.text()
    if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path} → ${response.status}: ${text.slice(0, 200)}`)
    return JSON.parse(text)
  }
  return {
    get: (path) => call(path),
    batchRequest: { method: 'POST', headers: { ...json, authorization: writeKeyAuth } },
    async track(body) {
      const response = await fetch(`${base}/v1/batch`, {
        method: 'POST',
        headers: { ...json, authorization: writeKeyAuth },
        body: JSON.stringify(body),
      })
      if (!response.ok) throw new Error(`POST /v1/batch → ${response.status}: ${await response.text()}`)
    },
    /** Creates a segment and waits until its background computation is done (wall time). */
    async createAndCompute(name, match) {
      const started = performance.now()
      const created = await call('/v1/segments', { method: 'POST', body: JSON.stringify({ name, match }) })
      for (;;) {
        const segment = await call(`/v1/segments/${created.id}`)
        if (segment.status === 'ready') {
          return { id: created.id, seconds: (performance.now() - started) / 1000, size: segment.size }
        }
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    },
    /**
     * Lag of each probe: from the moment its POST was sent (the event is committed before
     * the answer) to the `enteredAt` of its contact in the probe segment, waiting up to 30 s
     * for the upkeep to catch up after the load. Both instants come from this machine's clock.
     */
    async membershipLag({ probeSegmentId, committedAt }) {
      const enteredAt = new Map()
      const deadline = Date.now() + 30_000
      while (enteredAt.size < committedAt.size && Date.now() < deadline) {
        let cursor
        do {
          const page = await call(
            `/v1/segments/${probeSegmentId}/contacts?limit=1000${cursor === undefined ? '' : `&cursor=${cursor}`}`,
          )
          for (const contact of page.contacts) enteredAt.set(contact.userId, Date.parse(contact.enteredAt))
          cursor = page.nextCursor
        } while (cursor)
        if (enteredAt.size < committedAt.size) await new Promise((resolve) => setTimeout(resolve, 200))
      }
      const lags = [...committedAt]
        .filter(([userId]) => enteredAt.has(userId))
        .map(([userId, at]) => enteredAt.get(userId) - at)
        .sort((a, b) => a - b)
      const at = (p) => lags[Math.min(lags.length - 1, Math.floor(p * lags.length))]
      return { probes: committedAt.size, seen: lags.length, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: lags.at(-1) }
    },
  }
}

/** A probe event from a new contact every `intervalMs` while the load runs; when each was sent. */
function startProbes(api, { intervalMs }) {
  const run = Date.now().toString(36)
  const committedAt = new Map()
  let stopped = false
  const done = (async () => {
    while (!stopped) {
      const userId = `probe-${run}-${committedAt.size}`
      const sentAt = Date.now()
      const timestamp = new Date(sentAt).toISOString()
      await api.track({ batch: [{ type: 'track', event: probeEvent, userId, messageId: userId, timestamp }] })
      // The commit happens between the request and its answer, and the upkeep may record the
      // entry before the answer arrives: timed from the request, the figure is an upper bound.
      committedAt.set(userId, sentAt)
      await new Promise((resolve) => setTimeout(resolve, intervalMs))
    }
  })()
  return {
    async stop() {
      stopped = true
      await done
      return committedAt
    },
  }
}

/** Batches of 20 events of one seeded contact each (round-robin), named like the seeded ones. */
function createContactBatches({ contacts }) {
  const run = `${process.pid.toString(36)}${Date.now().toString(36)}`
  const names = ['page_viewed', 'page_viewed', 'product_viewed', 'logged_in', 'added_to_wishlist', 'order_completed']
  let request = 0
  let counter = 0
  return function nextBody() {
    const userId = `user-${(request++ * 7919) % contacts}`
    const at = new Date().toISOString()
    let batch = ''
    for (let i = 0; i < 20; i++) {
      const n = counter++
      const name = names[n % names.length]
      const properties =
        name === 'order_completed'
          ? `{"data":{"items":[{"price":${n % 200}}]},"total":${n % 260}}`
          : name === 'page_viewed'
            ? `{"path":"${n % 10 === 0 ? '/pricing' : `/products/sku-${n % 997}`}"}`
            : `{"product_id":"sku-${n % 997}"}`
      batch +=
        `${i === 0 ? '' : ','}{"type":"track","event":"${name}","userId":"${userId}",` +
        `"messageId":"load-${run}-${n}","timestamp":"${at}","properties":${properties}}`
    }
    return `{"batch":[${batch}],"sentAt":"${at}"}`
  }
}

const verdict = (ok) => (ok ? 'met' : '**missed**')

function render(rows, { events, contacts, durationS, connections }) {
  const sections = []
  for (const row of rows) {
    if (row.failed) {
      sections.push(`### ${row.store}\n\nfailed: ${row.failed}\n`)
      continue
    }
    const table = markdownTable(
      ['figure', 'measured', 'goal', '', 'load avg'],
      [
        ...row.computes.map((c) => [
          `compute "${c.name}" (${formatInt(c.size)} members)`,
          `${formatFixed(c.seconds, 1)} s`,
          '< 10 s',
          verdict(c.seconds < 10),
          c.load,
        ]),
        ['ingest, no segment', `${formatInt(row.without.requestsPerS * 20)} events/s`, '', '', row.without.load],
        [
          'ingest, 20 segments',
          `${formatInt(row.withSegments.requestsPerS * 20)} events/s (${formatPercent(row.ratio)})`,
          '≥ 80 %',
          verdict(row.ratio >= 0.8),
          row.withSegments.load,
        ],
        [
          `membership lag p50 / p99 (${row.lag.seen} of ${row.lag.probes} probes)`,
          `${formatInt(row.lag.p50Ms)} / ${formatInt(row.lag.p99Ms)} ms`,
          'p99 < 1 s',
          verdict(row.lag.p99Ms < 1000 && row.lag.seen === row.lag.probes),
          row.lag.load,
        ],
        [
          'members page (50) p50 / p99',
          `${formatFixed(row.members.p50Ms, 1)} / ${formatFixed(row.members.p99Ms, 1)} ms`,
          'p99 < 20 ms',
          verdict(row.members.p99Ms < 20),
          row.members.load,
        ],
        [
          'explain p50 / p99',
          `${formatFixed(row.explain.p50Ms, 1)} / ${formatFixed(row.explain.p99Ms, 1)} ms`,
          'p99 < 50 ms',
          verdict(row.explain.p99Ms < 50),
          row.explain.load,
        ],
      ],
      { align: ['l', 'r', 'l', 'l', 'r'] },
    )
    sections.push(`### ${row.store} (seeded in ${formatFixed(row.seededS, 0)} s)\n\n${table}\n`)
  }
  const notes =
    `${formatInt(events)} events over ${formatInt(contacts)} contacts, bulk-seeded, then ANALYZE. ` +
    'Compute: wall time from POST /v1/segments to status "ready". ' +
    `Ingest: ${durationS} s of autocannon, ${connections} connections, batches of 20 events of one seeded contact; ` +
    'first with no segment, then with 20 live ones (same collector, same run). ' +
    'Lag: a probe event from a new contact every 100 ms during the second run, from the moment its POST was sent ' +
    "(an upper bound of the time from its commit) to its contact's enteredAt in the probe segment. " +
    'Members/explain: one request at a time for 3 s on the first segment.'
  return `## Segments\n\n${notes}\n\n${sections.join('\n')}`
}
