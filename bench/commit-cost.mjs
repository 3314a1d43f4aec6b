/**
 * What one SQLite group commit costs, in process, without HTTP: the writer's
 * own code (`openSqliteWriter`, `ingestInTransaction`) on a temp file, fed the bench's batch-20
 * bodies through the real normaliser, in groups of N requests per transaction. Seconds to
 * run, and its bytes per event do not move with the machine's load. Not part of
 * `npm run bench`.
 *
 * Usage: node bench/commit-cost.mjs [requestsPerGroup=5] [groups=2000]
 *   env: COMMIT_COST_SYNCHRONOUS=full|normal (full)  COMMIT_COST_CHECKPOINT=pages (4000, as
 *   the collector; 0 turns checkpoints off and prints the WAL's pages per commit by b-tree)
 *   COLLECTOR_DIST=path/to/packages/collector/dist (another build)
 * Prints µs per event in the group's work and in its COMMIT, and bytes written per event.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createBatchBody } from './lib/batch-body.mjs'
import { repoRoot } from './lib/collector-process.mjs'
import { storageWrites } from './lib/storage-writes.mjs'

const [requestsArg = '5', groupsArg = '2000'] = process.argv.slice(2)
const requestsPerGroup = Number(requestsArg)
const groups = Number(groupsArg)
const warmGroups = Math.min(200, Math.floor(groups / 10))
const synchronous = process.env.COMMIT_COST_SYNCHRONOUS ?? 'full'
const checkpointPages = Number(process.env.COMMIT_COST_CHECKPOINT ?? 4000)
const dist = pathToFileURL(`${resolve(process.env.COLLECTOR_DIST ?? `${repoRoot}packages/collector/dist`)}/`)
const load = (path) => import(new URL(path, dist).href)

const { openSqliteWriter } = await load('stores/sqlite/open-sqlite-writer.js')
const { bindOperations } = await load('stores/bind-operations.js')
const { sqliteOperations } = await load('stores/sqlite/sqlite-operations.js')
const { ingestInTransaction } = await load('ingest/ingest-events.js')
const { normaliseSegmentBatch } = await load('normalise/normalise-segment-batch.js')

const dir = mkdtempSync(join(tmpdir(), 'sillage-commit-cost-'))
const file = join(dir, 'bench.db')
try {
  const db = openSqliteWriter(file)
  db.pragma(`synchronous = ${synchronous === 'full' ? 'FULL' : 'NORMAL'}`)
  db.pragma(`wal_autocheckpoint = ${checkpointPages}`)
  const tx = bindOperations(db, sqliteOperations)
  const begin = db.prepare('BEGIN IMMEDIATE')
  const commit = db.prepare('COMMIT')
  const nextBody = createBatchBody({ batchSize: 20 })
  const facts = { source: 'bench-write-key', trusted: false, receivedAt: new Date(), ip: '127.0.0.1', userAgent: null }
  const nextRequest = () => {
    const { batch, sentAt } = JSON.parse(nextBody())
    return normaliseSegmentBatch(batch, { context: {}, sentAt }, facts, {}).events
  }

  let workMs = 0
  let commitMs = 0
  let writtenBefore = 0
  for (let group = 0; group < groups; group += 1) {
    const requests = Array.from({ length: requestsPerGroup }, nextRequest)
    if (group === warmGroups) writtenBefore = storageWrites()
    const started = performance.now()
    begin.run()
    for (const events of requests) await ingestInTransaction(tx, events)
    const worked = performance.now()
    commit.run()
    if (group >= warmGroups) {
      workMs += worked - started
      commitMs += performance.now() - worked
    }
  }
  const events = (groups - warmGroups) * requestsPerGroup * 20
  const perEvent = (ms) => ((1000 * ms) / events).toFixed(2)
  console.log(
    `${requestsPerGroup} requests of 20 events per commit, synchronous=${synchronous}, checkpoint every ${checkpointPages || '∞'} pages: ` +
      `work ${perEvent(workMs)} µs/event, COMMIT ${perEvent(commitMs)} µs/event ` +
      `(${((1000 * commitMs) / (groups - warmGroups)).toFixed(0)} µs per commit), written ${((storageWrites() - writtenBefore) / events).toFixed(0)} B/event`,
  )
  if (checkpointPages === 0) printPagesPerCommit(db, readFileSync(`${file}-wal`))
  db.close()
} finally {
  rmSync(dir, { recursive: true, force: true })
}

/** The WAL's frames of the last 100 commits, counted by the b-tree each page belongs to (dbstat). */
function printPagesPerCommit(db, wal) {
  const pageSize = wal.readUInt32BE(8)
  const commits = []
  let pages = []
  // After the 32-byte WAL header, each frame is a 24-byte header (page number, then the
  // database size in pages on a commit's last frame, 0 otherwise) and the page.
  for (let at = 32; at + 24 + pageSize <= wal.length; at += 24 + pageSize) {
    pages.push(wal.readUInt32BE(at))
    if (wal.readUInt32BE(at + 4) !== 0) {
      commits.push(pages)
      pages = []
    }
  }
  const last = commits.slice(-100)
  const owner = new Map(
    db
      .prepare('SELECT pageno, name FROM dbstat')
      .all()
      .map((row) => [row.pageno, row.name]),
  )
  const count = new Map()
  for (const commit of last) {
    for (const page of commit) {
      const name = owner.get(page) ?? '(free)'
      count.set(name, (count.get(name) ?? 0) + 1)
    }
  }
  console.log(
    `\nWAL pages per commit: ${(last.reduce((sum, c) => sum + c.length, 0) / last.length).toFixed(1)}\n\n| b-tree | pages per commit |\n|---|--:|`,
  )
  for (const [name, n] of [...count].sort((a, b) => b[1] - a[1]))
    console.log(`| ${name} | ${(n / last.length).toFixed(1)} |`)
}
