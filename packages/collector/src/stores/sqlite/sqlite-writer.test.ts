import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { SqliteWriter } from './sqlite-writer.js'

let directory: string
let db: Database.Database
let writer: SqliteWriter
beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'sillage-writer-'))
  db = new Database(join(directory, 'writer.db'))
  db.pragma('journal_mode = WAL')
  // No unique key: a job that ran twice into one commit would show as a second row.
  db.exec('CREATE TABLE rows (value TEXT NOT NULL)')
  writer = new SqliteWriter(db, (error) => error)
})
afterEach(() => {
  db.close()
  rmSync(directory, { recursive: true, force: true })
})

const insert = (value: string) => async () => {
  db.prepare('INSERT INTO rows (value) VALUES (?)').run(value)
  return value
}
const stored = () => db.prepare('SELECT value FROM rows ORDER BY rowid').pluck().all() as string[]

it('commits the jobs queued together in one transaction, each settled with its own value', async () => {
  const results = await Promise.all(['a', 'b', 'c'].map((value) => writer.run(insert(value))))
  expect(results).toEqual(['a', 'b', 'c'])
  expect(stored()).toEqual(['a', 'b', 'c'])
  expect(db.inTransaction).toBe(false)
})

it('undoes a failing job alone: the others of its group are committed once each', async () => {
  const failing = async () => {
    await insert('bad')()
    throw new Error('refused midway')
  }
  const results = await Promise.allSettled([writer.run(insert('a')), writer.run(failing), writer.run(insert('c'))])
  expect(results).toEqual([
    { status: 'fulfilled', value: 'a' },
    { status: 'rejected', reason: new Error('refused midway') },
    { status: 'fulfilled', value: 'c' },
  ])
  // The first pass was rolled back whole before the second: no row twice, none of the failing job's.
  expect(stored()).toEqual(['a', 'c'])
  // And the writer goes on.
  await expect(writer.run(insert('d'))).resolves.toBe('d')
  expect(stored()).toEqual(['a', 'c', 'd'])
})

it('refuses every job of the group when the transaction itself cannot start', async () => {
  const other = new Database(join(directory, 'writer.db'))
  other.pragma('busy_timeout = 0')
  db.pragma('busy_timeout = 0')
  other.exec('BEGIN IMMEDIATE')
  try {
    const results = await Promise.allSettled([writer.run(insert('a')), writer.run(insert('b'))])
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected'])
    expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(/locked|busy/i)
  } finally {
    other.exec('ROLLBACK')
    other.close()
  }
  expect(stored()).toEqual([])
})

it('refuses the whole group, with the reason from the disk, when an error ends the transaction (SQLITE_FULL)', async () => {
  // SQLite rolls the whole transaction back on a full disk, so no job of the group can be
  // kept apart: all are refused (a 503: clients retry) and nothing is half stored.
  void writer.run(insert('first'))
  await writer.idle()
  const pages = db.pragma('page_count', { simple: true }) as number
  db.pragma(`max_page_count = ${pages + 2}`)
  const group = () => [writer.run(insert('a')), writer.run(insert('x'.repeat(64 * 1024))), writer.run(insert('c'))]
  const refused = await Promise.allSettled(group())
  expect(refused.map((result) => result.status)).toEqual(['rejected', 'rejected', 'rejected'])
  for (const result of refused) expect(String((result as PromiseRejectedResult).reason)).toMatch(/full/i)
  expect(stored()).toEqual(['first'])
  // Space again: the same retry goes through.
  db.pragma('max_page_count = 1073741823')
  await Promise.all(group())
  expect(stored().map((value) => value.slice(0, 1))).toEqual(['first', 'a', 'x', 'c'].map((value) => value.slice(0, 1)))
})

it('runs a failing job that is alone in its group once', async () => {
  let runs = 0
  const failing = async () => {
    runs += 1
    await insert('bad')()
    throw new Error('refused')
  }
  await expect(writer.run(failing)).rejects.toThrow('refused')
  expect(runs).toBe(1)
  expect(stored()).toEqual([])
})
