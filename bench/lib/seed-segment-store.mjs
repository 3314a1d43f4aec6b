import Database from 'better-sqlite3'
import postgres from 'postgres'
import { repoRoot } from './collector-process.mjs'

/**
 * A store of `events` events over `contacts` identified contacts (userId `user-<k>`), for
 * the segments bench, written with bulk SQL on the store's own schema (created first by the
 * built store), then the summaries, then ANALYZE. Every row is a function of its number n
 * (no randomness), the same on both dialects, spread over the 90 days before `now`:
 *
 * | share | event               | properties                                   |
 * | 60 %  | `page_viewed`       | `path` (`/pricing` for a tenth of them)      |
 * | 20 %  | `product_viewed`    | `product_id`                                 |
 * |  8 %  | `logged_in`         |                                              |
 * |  5 %  | `added_to_wishlist` | `product_id`                                 |
 * |  7 %  | `order_completed`   | `data.items[].price` (0–199), `total`        |
 *
 * @example
 * await seedSegmentStore({ store: 'sqlite:/tmp/x.db', events: 5_000_000, contacts: 100_000, now, log })
 */
export async function seedSegmentStore({ store, events, contacts, now, log }) {
  const { createStore } = await import(`${repoRoot}packages/collector/dist/stores/create-store.js`)
  const created = createStore(store)
  await created.open()
  await created.close()
  const started = Date.now()
  if (store.startsWith('sqlite:'))
    seedSqlite(store.slice('sqlite:'.length).split('?')[0], { events, contacts, now, log })
  else await seedPostgres(store, { events, contacts, now, log })
  return { seededS: (Date.now() - started) / 1000 }
}

/**
 * The pseudo-random draw of row n (two Park–Miller steps: one alone stays linear in n for
 * small n, so every event of a contact would get the same name), shared by both dialects.
 */
const draw = (n) => `(((${n}) * 48271 % 2147483647) * 48271 % 2147483647)`
const contactOf = (n, contacts) => `((${n}) * 7919 % ${contacts})`
const nameOf = (r) =>
  `CASE WHEN ${r} % 100 < 60 THEN 'page_viewed' WHEN ${r} % 100 < 80 THEN 'product_viewed' ` +
  `WHEN ${r} % 100 < 88 THEN 'logged_in' WHEN ${r} % 100 < 93 THEN 'added_to_wishlist' ELSE 'order_completed' END`
const secondsBack = (r) => `((${r} / 100) % ${90 * 86_400})`

function seedSqlite(path, { events, contacts, now, log }) {
  const db = new Database(path)
  try {
    db.pragma('journal_mode = OFF')
    db.pragma('synchronous = OFF')
    db.pragma('cache_size = -1000000')
    db.pragma('temp_store = MEMORY')
    const at = now.toISOString()
    const range = (from, to) =>
      `WITH RECURSIVE n(i) AS (SELECT ${from} UNION ALL SELECT i + 1 FROM n WHERE i < ${to - 1})`
    db.exec(
      `${range(0, contacts)} INSERT INTO contacts (id, user_id, email, created_at, updated_at)
       SELECT printf('c_bench_%07d', i), 'user-' || i, NULL, '${at}', '${at}' FROM n`,
    )
    const indexes = db
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events' AND sql IS NOT NULL")
      .all()
    for (const index of indexes) db.exec(`DROP INDEX ${index.name}`)
    const epoch = Math.floor(now.getTime() / 1000)
    const r = draw('i')
    const name = nameOf(r)
    const properties = `CASE ${name}
      WHEN 'page_viewed' THEN json_object('path', CASE WHEN ${r} % 10 = 0 THEN '/pricing'
        ELSE '/products/sku-' || (${r} % 997) END)
      WHEN 'order_completed' THEN json_object('data', json_object('items', json_array(
        json_object('price', (${r} / 10) % 200), json_object('price', (${r} / 7) % 60))), 'total', (${r} / 1000) % 260)
      WHEN 'logged_in' THEN '{}'
      ELSE json_object('product_id', 'sku-' || (${r} % 997)) END`
    const timestamp = `strftime('%Y-%m-%dT%H:%M:%fZ', ${epoch} - ${secondsBack(r)}, 'unixepoch')`
    const insert = (from, to) =>
      `${range(from, to)} INSERT INTO events (source, message_id, contact_id, type, name, anonymous_id, user_id,
         email, properties, context, timestamp, original_timestamp, sent_at, received_at, identity)
       SELECT 'bench-write-key', 'seed-' || i, printf('c_bench_%07d', ${contactOf('i', contacts)}), 'track',
         ${name}, NULL, 'user-' || ${contactOf('i', contacts)}, NULL, ${properties},
         '{"library":{"name":"sillage-bench","version":"1"}}', ${timestamp}, ${timestamp}, ${timestamp},
         ${timestamp}, 'identified' FROM n`
    const step = 250_000
    for (let from = 0; from < events; from += step) {
      db.exec(insert(from, Math.min(events, from + step)))
      if ((from / step) % 8 === 7) log(`segments: seeded ${(from + step).toLocaleString('en-US')} events`)
    }
    for (const index of indexes) db.exec(index.sql)
    db.exec(`INSERT INTO event_summaries (contact_id, name, count, first, last)
      SELECT contact_id, name, count(*), min(timestamp), max(timestamp) FROM events GROUP BY contact_id, name`)
    db.exec('ANALYZE')
  } finally {
    db.close()
  }
}

async function seedPostgres(url, { events, contacts, now, log }) {
  const sql = postgres(url, { max: 1, onnotice: () => {} })
  try {
    const at = now.toISOString()
    await sql.unsafe(`INSERT INTO contacts (id, user_id, email, created_at, updated_at)
      SELECT 'c_bench_' || lpad(i::text, 7, '0'), 'user-' || i, NULL, '${at}', '${at}'
      FROM generate_series(0, ${contacts - 1}) AS i`)
    const indexes = await sql.unsafe(`SELECT indexname, indexdef FROM pg_indexes
      WHERE tablename = 'events' AND schemaname = current_schema() AND indexdef NOT LIKE 'CREATE UNIQUE%'`)
    for (const index of indexes) await sql.unsafe(`DROP INDEX ${index.indexname}`)
    const r = draw('i::bigint')
    const name = nameOf(r)
    const properties = `CASE ${name}
      WHEN 'page_viewed' THEN json_build_object('path', CASE WHEN ${r} % 10 = 0 THEN '/pricing'
        ELSE '/products/sku-' || (${r} % 997) END)
      WHEN 'order_completed' THEN json_build_object('data', json_build_object('items', json_build_array(
        json_build_object('price', (${r} / 10) % 200), json_build_object('price', (${r} / 7) % 60))), 'total', (${r} / 1000) % 260)
      WHEN 'logged_in' THEN '{}'::json
      ELSE json_build_object('product_id', 'sku-' || (${r} % 997)) END`
    const timestamp = `(timestamptz '${at}' - make_interval(secs => ${secondsBack(r)}))`
    const contact = contactOf('i::bigint', contacts)
    const step = 500_000
    for (let from = 0; from < events; from += step) {
      await sql.unsafe(`INSERT INTO events (source, message_id, contact_id, type, name, anonymous_id, user_id,
          email, properties, context, timestamp, original_timestamp, sent_at, received_at, identity)
        SELECT 'bench-write-key', 'seed-' || i, 'c_bench_' || lpad(${contact}::text, 7, '0'), 'track', ${name},
          NULL, 'user-' || ${contact}, NULL, ${properties}, '{"library":{"name":"sillage-bench","version":"1"}}',
          ${timestamp}, ${timestamp}, ${timestamp}, ${timestamp}, 'identified'
        FROM generate_series(${from}, ${Math.min(events, from + step) - 1}) AS i`)
      if ((from / step) % 4 === 3) log(`segments: seeded ${(from + step).toLocaleString('en-US')} events`)
    }
    for (const index of indexes) await sql.unsafe(index.indexdef)
    await sql.unsafe(`INSERT INTO event_summaries (contact_id, name, count, first, last)
      SELECT contact_id, name, count(*), min(timestamp), max(timestamp) FROM events GROUP BY contact_id, name`)
    await sql.unsafe('ANALYZE')
  } finally {
    await sql.end({ timeout: 5 })
  }
}
