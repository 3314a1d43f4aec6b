import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { SECRET_KEY, secretKeyAuth, startCollector } from '../lib/collector-process.mjs'
import { formatFixed, formatInt, markdownTable } from '../lib/markdown-table.mjs'
import { SAMPLE_DEVICES, seededDevice, seededSqliteFile } from '../lib/seed-sqlite.mjs'
import { sequentialLatency } from '../lib/sequential-latency.mjs'

const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')

/**
 * Suite — the console on a big store (SQLite): p99 of one page at a time (the event log's
 * first page, a seeded contact's page, the contacts list's first and next page), then the
 * NDJSON export of the newest `exportEvents` events, with the collector's peak RSS before
 * and after it (flat when the export streams).
 */
export async function consoleSuite({ events, contacts, exportEvents, durationS, seedBudgetS, log }) {
  const dir = mkdtempSync(join(tmpdir(), 'sillage-bench-console-'))
  try {
    const path = join(dir, 'bench.db')
    const seeded = await seededSqliteFile({ size: events, into: path, deadline: Date.now() + seedBudgetS * 1000, log })
    if (!seeded) throw new Error('seeding did not fit the time budget; lower SILLAGE_BENCH_EVENTS or raise the budget')
    const contactCount = growContacts(path, contacts)
    const since = exportSince(path, exportEvents)
    log(`console: ${formatInt(events)} events, ${formatInt(contactCount)} contacts; starting the collector`)
    const collector = await startCollector({ store: `sqlite:${path}` })
    try {
      return await measure({ collector, events, contactCount, since, durationS, seeded, log })
    } finally {
      await collector.stop()
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function measure({ collector, events, contactCount, since, durationS, seeded, log }) {
  const cookie = await signIn(collector.url)
  const page = (path) => sequentialLatency({ url: `${collector.url}${path}`, headers: { cookie }, durationS })
  const lookup = await fetch(`${collector.url}/v1/contacts?anonymousId=${seededDevice(0)}`, {
    headers: { authorization: secretKeyAuth },
  })
  const [seededContact] = (await lookup.json()).contacts
  const firstList = await (await fetch(`${collector.url}/console/contacts`, { headers: { cookie } })).text()
  const nextList = /href="(\/console\/contacts\?cursor=[^"]+)"/.exec(firstList)?.[1]?.replaceAll('&amp;', '&')

  const rows = []
  const time = async (what, path) => {
    log(`console: ${what}`)
    const loadBefore = load()
    const result = await page(path)
    rows.push({ what, ...result, load: `${loadBefore} → ${load()}` })
  }
  await time('event log, first page (GET /console/events)', '/console/events')
  await time(
    `contact page (${formatInt(Math.round(events / SAMPLE_DEVICES))} events)`,
    `/console/contacts/${seededContact.id}`,
  )
  await time('contacts list, first page', '/console/contacts')
  if (nextList) await time('contacts list, next page (cursor)', nextList)

  log('console: export')
  const before = collector.memory()
  const exportLoad = load()
  const started = process.hrtime.bigint()
  const response = await fetch(`${collector.url}/console/events/export.ndjson?since=${since}&tz=0`, {
    headers: { cookie },
  })
  let lines = 0
  for await (const chunk of response.body) for (const byte of chunk) if (byte === 10) lines++
  const exportS = Number(process.hrtime.bigint() - started) / 1e9
  const after = collector.memory()

  const table = markdownTable(
    ['page', 'requests', 'p50 ms', 'p99 ms', 'load average (1/5/15 min) before → after'],
    rows.map((r) => [r.what, formatInt(r.count), formatFixed(r.p50Ms, 1), formatFixed(r.p99Ms, 1), r.load]),
    { align: ['l', 'r', 'r', 'r', 'l'] },
  )
  const exportTable = markdownTable(
    [
      'export',
      'events',
      'seconds',
      'events/s',
      'peak RSS before MB',
      'peak RSS after MB',
      'load average before → after',
    ],
    [
      [
        'GET /console/events/export.ndjson',
        formatInt(lines),
        formatFixed(exportS, 1),
        formatInt(lines / exportS),
        formatInt(before.peakRssMB),
        formatInt(after.peakRssMB),
        `${exportLoad} → ${load()}`,
      ],
    ],
    { align: ['l', 'r', 'r', 'r', 'r', 'r', 'l'] },
  )
  const notes =
    `SQLite store holding ${formatInt(events)} events and ${formatInt(contactCount)} contacts ` +
    `(seeded ${seeded.cached ? 'from the cache' : `in ${seeded.seededS.toFixed(0)} s`}; contacts beyond the sample ` +
    'are copies without events). Pages: signed-in GETs one at a time on one keep-alive socket from 127.0.0.1, ' +
    `for ${durationS} s each, so the figure is the server's time plus a local round trip. ` +
    'Export: the newest events streamed to the end; the peak RSS (VmHWM) of the collector before and after. ' +
    'Knobs: SILLAGE_BENCH_EVENTS, SILLAGE_BENCH_CONTACTS, SILLAGE_BENCH_EXPORT_EVENTS, SILLAGE_BENCH_PAGE_S.'
  return {
    markdown: `## Console on a big store (SQLite)\n\n${notes}\n\n${table}\n\n${exportTable}\n`,
    data: { events, contacts: contactCount, pages: rows, export: { lines, exportS, before, after } },
  }
}

/** The session cookie of a sign-in with the secret key, as the console's form sends it. */
async function signIn(url) {
  const response = await fetch(`${url}/console/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: url },
    body: new URLSearchParams({ secretKey: SECRET_KEY }).toString(),
  })
  const cookie = response.headers.get('set-cookie')?.split(';')[0]
  if (response.status !== 303 || !cookie) throw new Error(`console sign-in answered ${response.status}`)
  return cookie
}

/**
 * Copies contact rows (ids suffixed, no identifiers) until the table holds `target`:
 * the contacts list then pages through that many. Returns the count.
 */
function growContacts(path, target) {
  const db = new Database(path)
  try {
    db.pragma('synchronous = OFF')
    const count = () => db.prepare('SELECT count(*) AS n FROM contacts').get().n
    let have = count()
    const columns = db
      .prepare('PRAGMA table_info(contacts)')
      .all()
      .map((c) => c.name)
    const select = columns.map((c) => (c === 'id' ? 'id || ?' : /^(user_id|email)$/.test(c) ? 'NULL' : c)).join(', ')
    const copy = db.prepare(
      `INSERT INTO contacts (${columns.join(', ')}) SELECT ${select} FROM contacts WHERE rowid IN ` +
        '(SELECT rowid FROM contacts ORDER BY rowid LIMIT ?)',
    )
    while (have < target) {
      db.transaction(() => copy.run(`~${have}`, Math.min(target - have, have, 250_000)))()
      have = count()
    }
    return have
  } finally {
    db.close()
  }
}

/** The export's `since` (UTC, to the minute, as the form sends it) that covers about the newest `count` events. */
function exportSince(path, count) {
  const db = new Database(path, { readonly: true })
  try {
    const row = db.prepare('SELECT timestamp FROM events ORDER BY timestamp DESC LIMIT 1 OFFSET ?').get(count - 1)
    return row ? row.timestamp.slice(0, 16) : '2000-01-01T00:00'
  } finally {
    db.close()
  }
}
