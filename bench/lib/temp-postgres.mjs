import postgres from 'postgres'

export const ADMIN_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://root@127.0.0.1:5432/test'

/**
 * A throw-away database `sillage_bench_<pid>_<n>` on the local PostgreSQL, so every cell
 * starts empty and colleagues' test databases are never touched. `drop()` removes it,
 * closing any connection a killed collector left behind.
 *
 * @example
 * const db = await createTempDatabase()
 * // … start a collector with --store db.url …
 * await db.drop()
 */
let sequence = 0
export async function createTempDatabase() {
  const admin = new URL(ADMIN_URL)
  if (admin.hostname !== '127.0.0.1' && admin.hostname !== 'localhost') {
    throw new Error(`refusing PostgreSQL at ${admin.hostname}: the bench only uses 127.0.0.1`)
  }
  const name = `sillage_bench_${process.pid}_${sequence++}`
  const sql = postgres(ADMIN_URL, { max: 1, onnotice: () => {}, connect_timeout: 5 })
  try {
    await sql.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await sql.unsafe(`CREATE DATABASE ${name}`)
  } finally {
    await sql.end({ timeout: 5 })
  }
  const url = new URL(ADMIN_URL)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      const sql = postgres(ADMIN_URL, { max: 1, onnotice: () => {}, connect_timeout: 5 })
      try {
        await sql.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      } finally {
        await sql.end({ timeout: 5 })
      }
    },
  }
}
