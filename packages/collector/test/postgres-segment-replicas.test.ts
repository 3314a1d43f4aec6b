import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { collectorClient } from './helpers/collector-client.js'
import { type CollectorProcess, killAllCollectorProcesses, startCollectorProcess } from './helpers/collector-process.js'
import { createTestSchema, type TestSchema } from './helpers/postgres-test-schema.js'

const WRITE_KEY = 'wk_segment_replica_1'
const SECRET_KEY = 'sk_segment_replica_0123456789'
const keys = { writeKey: WRITE_KEY, secretKey: SECRET_KEY }

type Client = ReturnType<typeof collectorClient>

interface SegmentBody {
  id: string
  status: 'computing' | 'ready'
  progress: number
  size: number
}

async function createSegment(collector: CollectorProcess, match: unknown): Promise<SegmentBody> {
  const response = await fetch(`${collector.url}/v1/segments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${SECRET_KEY}` },
    body: JSON.stringify({ name: 'created through A', match }),
  })
  expect(response.status).toBe(201)
  return (await response.json()) as SegmentBody
}

async function readSegment(client: Client, id: string): Promise<SegmentBody> {
  const response = await client.read(`/v1/segments/${id}`)
  expect(response.status).toBe(200)
  return (await response.json()) as SegmentBody
}

async function memberUserIds(client: Client, id: string): Promise<string[]> {
  const response = await client.read(`/v1/segments/${id}/contacts?limit=1000`)
  expect(response.status).toBe(200)
  const page = (await response.json()) as { contacts: { userId: string | null }[] }
  return page.contacts.map((contact) => contact.userId ?? '').sort()
}

/** Asks again until `check` passes or `ms` is over; the last failure is the test's. */
async function eventually(check: () => Promise<void>, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms
  for (;;) {
    try {
      return await check()
    } catch (error) {
      if (Date.now() > deadline) throw error
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
}

const order = (userId: string, messageId: string) => ({ type: 'track', event: 'order_completed', userId, messageId })

/**
 * Two collector processes on one PostgreSQL schema: a segment saved through one of them
 * must be kept current by the other, which was running before it existed and is never
 * restarted, also once the first is gone (killed -9).
 */
describe('segments with two collector processes on one PostgreSQL database', () => {
  let dir: string
  let schema: TestSchema
  let a: CollectorProcess
  let b: CollectorProcess
  let clientB: Client

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sillage-segment-replicas-'))
  })

  async function startPair(label: string): Promise<void> {
    schema = await createTestSchema(label)
    const args = [
      '--store',
      schema.storeUrl(),
      '--write-keys',
      WRITE_KEY,
      '--secret-key',
      SECRET_KEY,
      '--rate-limit',
      '0',
    ]
    ;[a, b] = await Promise.all([startCollectorProcess(args, dir), startCollectorProcess(args, dir)])
    clientB = collectorClient(b.url, keys)
  }

  afterEach(async () => {
    killAllCollectorProcesses()
    await schema?.drop()
  })

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  it('B keeps a segment created through A current from its own ingestion once A is killed', async () => {
    await startPair('segrep_live')
    const segment = await createSegment(a, { event: 'order_completed', count: { gte: 2 } })
    await eventually(async () => expect((await readSegment(clientB, segment.id)).status).toBe('ready'))
    a.child.kill('SIGKILL')
    await a.exited
    expect((await clientB.postBatch([order('ann', 'o1'), order('ann', 'o2'), order('bob', 'o3')])).status).toBe(200)
    await eventually(async () => expect(await memberUserIds(clientB, segment.id)).toEqual(['ann']))
    expect(await readSegment(clientB, segment.id)).toMatchObject({ status: 'ready', size: 1 })
  }, 60_000)

  it('B finishes the computation of a segment A was computing when it was killed', async () => {
    await startPair('segrep_compute')
    const contacts = 4000
    for (let from = 0; from < contacts; from += 250) {
      const batch = Array.from({ length: 250 }, (_, index) => {
        const n = from + index
        return n % 2 === 0
          ? order(`u${n}`, `seed${n}`)
          : { type: 'track', event: 'page_viewed', userId: `u${n}`, messageId: `seed${n}` }
      })
      expect((await clientB.postBatch(batch)).status).toBe(200)
    }
    const segment = await createSegment(a, { event: 'order_completed' })
    a.child.kill('SIGKILL')
    await a.exited
    // Not vacuous: A was stopped with most of the computation still to do.
    expect((await readSegment(clientB, segment.id)).progress).toBeLessThan(1)
    // B goes on ingesting; nothing tells it of the segment but the store.
    expect(
      (await clientB.postBatch([{ type: 'track', event: 'page_viewed', userId: 'late', messageId: 'late1' }])).status,
    ).toBe(200)
    await eventually(async () =>
      expect(await readSegment(clientB, segment.id)).toMatchObject({
        status: 'ready',
        progress: 1,
        size: contacts / 2,
      }),
    )
  }, 120_000)
})
