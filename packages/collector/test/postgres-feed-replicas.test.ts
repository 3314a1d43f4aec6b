import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Change } from '../src/events/change.js'
import { batchResult, collectorClient } from './helpers/collector-client.js'
import { type CollectorProcess, killAllCollectorProcesses, startCollectorProcess } from './helpers/collector-process.js'
import { createTestSchema, type TestSchema } from './helpers/postgres-test-schema.js'

const WRITE_KEY = 'wk_feed_replica_1'
const SECRET_KEY = 'sk_feed_replica_0123456789'
const keys = { writeKey: WRITE_KEY, secretKey: SECRET_KEY }
const WRITERS = 8
const BATCHES_PER_WRITER = 15

type Client = ReturnType<typeof collectorClient>

/**
 * Follows `GET /v1/changes` with long-polls until `done()` says it has all it waits for;
 * returns every change it was given, in order.
 */
async function follow(client: Client, done: (seen: Change[]) => boolean, deadline: number): Promise<Change[]> {
  const seen: Change[] = []
  const trace: string[] = []
  let after = ''
  while (!done(seen)) {
    if (Date.now() > deadline)
      throw new Error(`the feed reader gave up after ${seen.length} changes: ${trace.join(' | ')}`)
    const response = await client.read(`/v1/changes?limit=37&wait=2${after ? `&after=${after}` : ''}`)
    expect(response.status).toBe(200)
    const page = (await response.json()) as { changes: Change[]; nextCursor: string | null }
    seen.push(...page.changes)
    if (page.changes.length > 0)
      trace.push(page.changes.map((c) => Buffer.from(c.cursor, 'base64url').toString()).join(' '))
    after = page.nextCursor ?? ''
  }
  return seen
}

const storedMessageIds = (changes: Change[]) =>
  changes
    .filter((change) => change.type === 'event.stored')
    .map((change) => (change.data as { messageId: string }).messageId)

/**
 * The ordering trap: sequence values and transaction ids are taken before commit, so with
 * two collectors a transaction can commit behind a cursor already handed out. Two
 * collector processes take concurrent writes on one schema while a reader on each follows
 * the feed: every acknowledged event must reach each reader exactly once.
 */
describe('change feed with two collector processes on one PostgreSQL database', () => {
  let dir: string
  let schema: TestSchema
  let replicas: CollectorProcess[]

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sillage-feed-replicas-'))
    schema = await createTestSchema('feed')
    const args = [
      '--store',
      schema.storeUrl({ params: { max: '6' } }),
      '--write-keys',
      WRITE_KEY,
      '--secret-key',
      SECRET_KEY,
      '--rate-limit',
      '0',
    ]
    replicas = await Promise.all([startCollectorProcess(args, dir), startCollectorProcess(args, dir)])
  }, 60_000)

  afterAll(async () => {
    killAllCollectorProcesses()
    await schema?.drop()
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  it('every acknowledged event reaches each reader exactly once, in one order', { timeout: 120_000 }, async () => {
    const [a, b] = replicas.map((replica) => collectorClient(replica.url, keys)) as [Client, Client]
    const acknowledged = new Set<string>()
    let writing = true
    const allThere = (seen: Change[]) =>
      !writing && storedMessageIds(seen).filter((id) => acknowledged.has(id)).length >= acknowledged.size
    const deadline = Date.now() + 100_000
    const readers = [follow(a, allThere, deadline), follow(b, allThere, deadline)]

    // Batches of different sizes, anonymous and identified, on both collectors at once:
    // transactions of different lengths that commit out of id order.
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, w) => {
        for (let i = 0; i < BATCHES_PER_WRITER; i += 1) {
          const size = 1 + ((w + i) % 7)
          const batch = Array.from({ length: size }, (_, e) => ({
            type: e === size - 1 && i % 3 === 0 ? 'identify' : 'track',
            event: 'product_viewed',
            anonymousId: `device-${w}-${i % 4}`,
            ...(e === size - 1 && i % 3 === 0 ? { userId: `user-${w}`, traits: { plan: `p${i}` } } : {}),
            messageId: `w${w}-b${i}-e${e}`,
          }))
          const answer = await batchResult(await (i % 2 === w % 2 ? a : b).postBatch(batch))
          expect(answer).toEqual({ accepted: size, duplicates: 0, rejected: [] })
          for (const event of batch) acknowledged.add(event.messageId)
        }
      }),
    )
    writing = false
    const [seenByA, seenByB] = await Promise.all(readers).catch(async (error: unknown) => {
      const rows = await schema.sql`SELECT xid::text, seq, type, data->>'messageId' AS m FROM changes ORDER BY xid, seq`
      const activity =
        await schema.sql`SELECT pid, state, backend_xid::text, xact_start, left(query, 80) AS q FROM pg_stat_activity WHERE backend_xid IS NOT NULL`
      console.error(
        JSON.stringify({ rows: rows.length, activity }),
        JSON.stringify(rows.map((r) => `${r.xid}.${r.seq}:${r.m ?? r.type}`)),
      )
      throw error
    })

    for (const seen of [seenByA!, seenByB!]) {
      const stored = storedMessageIds(seen)
      expect(stored).toHaveLength(acknowledged.size)
      expect(new Set(stored)).toEqual(acknowledged)
      expect(new Set(seen.map((change) => change.cursor)).size).toBe(seen.length)
    }
    // Both readers were handed the same feed in the same order, and it matches a re-read from the start.
    expect(seenByB!.map((change) => change.cursor)).toEqual(seenByA!.map((change) => change.cursor))
    const reread = await follow(a, (seen) => seen.length >= seenByA!.length, Date.now() + 20_000)
    expect(reread.map((change) => change.cursor)).toEqual(seenByA!.map((change) => change.cursor))
    expect(await schema.sql`SELECT count(*)::int AS n FROM changes WHERE type = 'event.stored'`).toEqual([
      { n: acknowledged.size },
    ])
  })
})
