import Database from 'better-sqlite3'
import postgres from 'postgres'
import { repoRoot, WRITE_KEY } from './collector-process.mjs'

/** Old events are spread over this many contacts (and devices), as a store with real history would be. */
const OLD_CONTACTS = 25_000
/** Every seeded event and feed entry is dated before this; retention with any window deletes them all. */
export const OLD_BEFORE = '2021-01-01T00:00:00.000Z'

const PROPERTIES = '{"product_id":"sku-1","price":19.99}'
const CONTEXT = '{"page":{"path":"/products/sku-1"}}'

/**
 * Fills a store with `count` events from 2020 and their `event.stored` feed entries: the
 * store's own migrations first (through its `open()`), then plain SQL, minutes faster than
 * ingesting them. `url` is a collector `--store` URL, `sqlite:<path>` or `postgres://…`.
 *
 * @example
 * await seedOldEvents('sqlite:/tmp/x/sillage.db', 1_000_000)
 * await countOldRows('sqlite:/tmp/x/sillage.db') // { events: 1000000, changes: 1000000 }
 */
export async function seedOldEvents(url, count) {
  const { createStore } = await import(`${repoRoot}packages/collector/dist/stores/create-store.js`)
  const store = createStore(url)
  await store.open()
  await store.close()
  if (url.startsWith('sqlite:')) seedSqlite(url.slice('sqlite:'.length), count)
  else await seedPostgres(url, count)
}

/** Old events still stored, and old feed entries still carrying their event. */
export async function countOldRows(url) {
  const events = `SELECT count(*) AS n FROM events WHERE timestamp < '${OLD_BEFORE}'`
  const changes = `SELECT count(*) AS n FROM changes WHERE data IS NOT NULL AND at < '${OLD_BEFORE}'`
  if (url.startsWith('sqlite:')) {
    const db = new Database(url.slice('sqlite:'.length), { readonly: true })
    try {
      return { events: db.prepare(events).pluck().get(), changes: db.prepare(changes).pluck().get() }
    } finally {
      db.close()
    }
  }
  const sql = postgres(url, { max: 1, onnotice: () => {} })
  try {
    const [[e], [c]] = [await sql.unsafe(events), await sql.unsafe(changes)]
    return { events: Number(e.n), changes: Number(c.n) }
  } finally {
    await sql.end({ timeout: 5 })
  }
}

function seedSqlite(path, count) {
  const db = new Database(path)
  db.pragma('synchronous = OFF')
  const numbers = `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${count})`
  const at = `strftime('%Y-%m-%dT%H:%M:%fZ', '2020-01-01', '+' || (i % 500000) || ' minutes')`
  db.transaction(() => {
    db.exec(`${numbers}
      INSERT INTO events (source, message_id, contact_id, type, name, anonymous_id, properties, context,
        timestamp, original_timestamp, received_at, identity)
      SELECT '${WRITE_KEY}', 'old-' || i, 'c_old_' || (i % ${OLD_CONTACTS}), 'track', 'Product Viewed',
        'old-device-' || (i % ${OLD_CONTACTS}), '${PROPERTIES}', '${CONTEXT}', ${at}, ${at}, ${at}, 'anonymous'
      FROM n`)
    db.exec(`${numbers}
      INSERT INTO changes (type, at, contact_id, data)
      SELECT 'event.stored', ${at}, 'c_old_' || (i % ${OLD_CONTACTS}),
        '{"messageId":"old-' || i || '","name":"Product Viewed"}' FROM n`)
  })()
  db.close()
}

async function seedPostgres(url, count) {
  const sql = postgres(url, { max: 1, onnotice: () => {} })
  const at = `timestamptz '2020-01-01T00:00:00Z' + (i % 500000) * interval '1 minute'`
  try {
    await sql.begin(async (tx) => {
      // Events reference their contact here (foreign keys are enforced).
      await tx.unsafe(`INSERT INTO contacts (id, created_at, updated_at)
        SELECT 'c_old_' || i, '2020-01-01', '2020-01-01' FROM generate_series(0, ${OLD_CONTACTS - 1}) i`)
      await tx.unsafe(`INSERT INTO events (source, message_id, contact_id, type, name, anonymous_id, properties,
          context, timestamp, original_timestamp, received_at, identity)
        SELECT '${WRITE_KEY}', 'old-' || i, 'c_old_' || (i % ${OLD_CONTACTS}), 'track', 'Product Viewed',
          'old-device-' || (i % ${OLD_CONTACTS}), '${PROPERTIES}', '${CONTEXT}', ${at}, ${at}, ${at}, 'anonymous'
        FROM generate_series(1, ${count}) i`)
      await tx.unsafe(`INSERT INTO changes (type, at, contact_id, data)
        SELECT 'event.stored', ${at}, 'c_old_' || (i % ${OLD_CONTACTS}),
          ('{"messageId":"old-' || i || '","name":"Product Viewed"}')::json FROM generate_series(1, ${count}) i`)
    })
    // Statistics and the visibility map now, not by autovacuum in the middle of a measured run.
    await sql.unsafe('VACUUM ANALYZE contacts, events, changes')
    await sql.unsafe('CHECKPOINT')
  } finally {
    await sql.end({ timeout: 5 })
  }
}
