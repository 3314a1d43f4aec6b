import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { repoRoot } from './collector-process.mjs'

const SEED_VERSION = 1
/** Devices in the sample; every seeded event belongs to one of them (≈ N / SAMPLE_DEVICES events each). */
export const SAMPLE_DEVICES = 25_000
const SAMPLE_EVENTS_PER_DEVICE = 2
export const SEED_SOURCE = 'bench-write-key'
export const seededDevice = (i) => `seed-device-${i}`

export const cacheDir = join(tmpdir(), 'sillage-bench-cache')

/**
 * A SQLite store file holding `size` events, seeded fast: a sample goes through the
 * collector's own `ingestEvents()` (so contacts, identities, summaries and every index are the real
 * ones), then the events table is replicated in SQL with fresh messageIds until it holds
 * `size` rows. Nothing here knows the schema beyond "the table whose rows are events":
 * unique text columns get a suffix, the integer primary key is left to SQLite.
 *
 * Seeded files are cached in the OS temp dir, keyed by the schema, so later runs only copy.
 * Returns null when `deadline` (ms epoch) passes first.
 *
 * @example
 * const path = await seededSqliteFile({ size: 1_000_000, into: '/tmp/x/bench.db', deadline })
 */
export async function seededSqliteFile({ size, into, deadline, log }) {
  const key = await schemaKey()
  mkdirSync(cacheDir, { recursive: true })
  const cached = join(cacheDir, `${key}-${size}.db`)
  if (existsSync(cached)) {
    copyFileSync(cached, into)
    return { path: into, seededS: 0, cached: true }
  }
  const started = Date.now()
  const smaller = [...existingCaches(key)].filter((n) => n <= size).sort((a, b) => b - a)[0]
  if (smaller !== undefined) {
    copyFileSync(join(cacheDir, `${key}-${smaller}.db`), into)
    log(`growth: extending the cached ${smaller.toLocaleString('en-US')}-event file`)
  } else {
    await ingestSample(into, Math.min(size, SAMPLE_DEVICES * SAMPLE_EVENTS_PER_DEVICE))
  }
  const complete = replicateEvents(into, size, deadline, log)
  if (!complete) return null
  const partial = `${cached}.partial`
  copyFileSync(into, partial)
  renameSync(partial, cached)
  return { path: into, seededS: (Date.now() - started) / 1000, cached: false }
}

function* existingCaches(key) {
  for (const size of [0, 1_000_000, 2_000_000, 5_000_000, 10_000_000]) {
    if (existsSync(join(cacheDir, `${key}-${size}.db`))) yield size
  }
}

/** The store module, from the built collector. */
async function loadCreateStore() {
  const module = await import(`${repoRoot}packages/collector/dist/stores/create-store.js`)
  return module.createStore
}

/** The ingestion entry (identity rules, summaries, feed) over a store, from the built collector. */
async function loadIngestEvents() {
  const module = await import(`${repoRoot}packages/collector/dist/ingest/ingest-events.js`)
  return module.ingestEvents
}

/** Hash of the schema a fresh store creates: a new migration invalidates the cache. */
async function schemaKey() {
  const dir = join(tmpdir(), `sillage-bench-schema-${process.pid}`)
  mkdirSync(dir, { recursive: true })
  try {
    const createStore = await loadCreateStore()
    const store = createStore(`sqlite:${join(dir, 'schema.db')}`)
    await store.open()
    await store.close()
    const db = new Database(join(dir, 'schema.db'), { readonly: true })
    const schema = db.prepare('SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name').all()
    db.close()
    return createHash('sha256').update(JSON.stringify({ schema, SEED_VERSION })).digest('hex').slice(0, 12)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** `count` events from SAMPLE_DEVICES devices, through the store's own ingest(), spread over 90 days. */
async function ingestSample(path, count) {
  const createStore = await loadCreateStore()
  const ingestEvents = await loadIngestEvents()
  const store = createStore(`sqlite:${path}`)
  await store.open()
  const now = Date.now()
  const batch = []
  for (let n = 0; n < count; n++) {
    const at = new Date(now - 90 * 86_400_000 + Math.floor((n / count) * 90 * 86_400_000)).toISOString()
    const device = seededDevice(n % SAMPLE_DEVICES)
    const properties = { product_id: `sku-${n % 997}`, price: 19.99, currency: 'EUR', position: n % 20 }
    const context = {
      page: {
        path: `/products/sku-${n % 997}`,
        url: `https://shop.example/products/sku-${n % 997}`,
        title: 'Product',
        referrer: 'https://shop.example/',
      },
      library: { name: 'sillage-bench', version: '1' },
      ip: '127.0.0.1',
      userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36',
    }
    batch.push({
      source: SEED_SOURCE,
      messageId: `seed-${n}`,
      type: 'track',
      name: n % 7 === 0 ? 'Order Completed' : 'Product Viewed',
      anonymousId: device,
      userId: null,
      email: null,
      previousId: null,
      properties,
      propertiesJson: JSON.stringify(properties),
      traits: {},
      context,
      contextJson: JSON.stringify(context),
      timestamp: at,
      originalTimestamp: at,
      sentAt: at,
      receivedAt: at,
      identity: 'anonymous',
    })
    if (batch.length === 2000 || n === count - 1) await ingestEvents(store, batch.splice(0))
  }
  await store.close()
}

/**
 * Grows the events table to `target` rows by copying existing rows with a new messageId
 * suffix, in bounded transactions. False if `deadline` passed first (the file is then
 * incomplete and must not be used).
 */
function replicateEvents(path, target, deadline, log) {
  const db = new Database(path)
  try {
    // Seeding is a throw-away bulk load: no journal; the store turns WAL back on at open.
    db.pragma('journal_mode = OFF')
    db.pragma('synchronous = OFF')
    db.pragma('cache_size = -2000000')
    db.pragma('temp_store = MEMORY')
    const table = eventsTable(db)
    // Non-unique indexes are rebuilt once at the end (one sort) instead of grown row by row.
    const indexes = db
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL")
      .all(table)
      .filter((index) => !/^\s*CREATE\s+UNIQUE/i.test(index.sql))
    for (const index of indexes) db.exec(`DROP INDEX ${index.name}`)
    const columns = db.prepare(`PRAGMA table_info(${table})`).all()
    const uniqueColumns = new Set()
    for (const index of db
      .prepare(`PRAGMA index_list(${table})`)
      .all()
      .filter((i) => i.unique)) {
      for (const column of db.prepare(`PRAGMA index_info(${index.name})`).all()) uniqueColumns.add(column.name)
    }
    const rowidAlias = columns.find(
      (c) => c.pk === 1 && /^integer$/i.test(c.type) && columns.filter((x) => x.pk).length === 1,
    )
    const copied = columns.filter((c) => c !== rowidAlias)
    const textUnique = copied.filter((c) => uniqueColumns.has(c.name) && /text|char|clob/i.test(c.type))
    if (copied.some((c) => uniqueColumns.has(c.name)) && textUnique.length === 0) {
      throw new Error(`cannot seed ${table}: no text column in its unique keys to make copies distinct`)
    }
    const names = copied.map((c) => c.name).join(', ')
    const select = copied.map((c) => (textUnique.includes(c) ? `${c.name} || ?` : c.name)).join(', ')
    const sampleSize = db.prepare(`SELECT count(*) AS n FROM ${table}`).get().n
    if (sampleSize === 0) throw new Error(`cannot seed ${table}: the sample is empty`)
    const copy = db.prepare(
      `INSERT INTO ${table} (${names}) SELECT ${select} FROM ${table} WHERE rowid IN (SELECT rowid FROM ${table} ORDER BY rowid LIMIT ?)`,
    )
    let have = sampleSize
    let round = 0
    const step = 250_000
    while (have < target) {
      if (Date.now() > deadline) return false // the caller discards the file
      const take = Math.min(step, target - have, have)
      const suffix = `~${have}`
      db.transaction(() => copy.run(...textUnique.map(() => suffix), take))()
      have += take
      if (++round % 8 === 0) log(`growth: seeded ${have.toLocaleString('en-US')} events`)
    }
    for (const index of indexes) db.exec(index.sql)
    return Date.now() <= deadline
  } finally {
    db.close()
  }
}

/** The table whose rows are events: named `events`, else the one with a `message_id` column. */
function eventsTable(db) {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
    .all()
    .map((t) => t.name)
  if (tables.includes('events')) return 'events'
  const found = tables.find((t) =>
    db
      .prepare(`PRAGMA table_info(${t})`)
      .all()
      .some((c) => /message_?id/i.test(c.name)),
  )
  if (!found) throw new Error('cannot seed: no events table found in the SQLite schema')
  return found
}
