import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest'
import { startTcpProxy, type TcpProxy } from '../src/stores/postgres/tcp-proxy.test-suite.js'
import { batchResult, collectorClient } from './helpers/collector-client.js'
import { type CollectorProcess, killAllCollectorProcesses, startCollectorProcess } from './helpers/collector-process.js'
import { createTestSchema, type TestSchema, testServerAddress } from './helpers/postgres-test-schema.js'

const WRITE_KEY = 'wk_outage_test_1'
const SECRET_KEY = 'sk_outage_test_0123456789'

const batchOf = (prefix: string, size: number) =>
  Array.from({ length: size }, (_, i) => ({
    type: 'track',
    event: 'outage_probe',
    anonymousId: `device-${prefix}`,
    messageId: `${prefix}-${i}`,
  }))

describe('a collector process whose PostgreSQL goes away and comes back', () => {
  let dir: string
  let schema: TestSchema
  let proxy: TcpProxy
  let collector: CollectorProcess
  let client: ReturnType<typeof collectorClient>

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sillage-outage-'))
    schema = await createTestSchema('outage')
    const server = testServerAddress()
    proxy = await startTcpProxy(server.host, server.port)
    // The collector only knows the proxy: cutting it is, for the collector, the database host going away.
    // A cut proxy refuses at once; the connect timeout only has to outlast a loaded machine after the restore.
    const storeUrl = schema.storeUrl({ host: `127.0.0.1:${proxy.port}`, params: { max: '3', connect_timeout: '15' } })
    collector = await startCollectorProcess(
      ['--store', storeUrl, '--write-keys', WRITE_KEY, '--secret-key', SECRET_KEY, '--rate-limit', '0'],
      dir,
    )
    client = collectorClient(collector.url, { writeKey: WRITE_KEY, secretKey: SECRET_KEY })
  }, 60_000)

  afterAll(async () => {
    killAllCollectorProcesses()
    await proxy?.cut()
    await schema?.drop()
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  /** How many times each messageId is in the database, asked directly (not through the proxy). */
  async function storedCounts(prefix: string): Promise<Map<string, number>> {
    const rows = await schema.sql<{ id: string; n: number }[]>`
      SELECT message_id AS id, count(*)::int AS n FROM events WHERE message_id LIKE ${`${prefix}-%`} GROUP BY message_id`
    return new Map(rows.map((row) => [row.id, row.n]))
  }

  it('answers 503 with Retry-After while the database is unreachable, stores nothing of it, and recovers without a restart', {
    timeout: 180_000,
  }, async () => {
    onTestFailed(() => console.error(`collector output:\n${collector.output()}`))
    expect(await (await client.health()).json()).toEqual({ status: 'ok', store: 'ok' })
    expect(await batchResult(await client.postBatch(batchOf('before', 5)))).toEqual({
      accepted: 5,
      duplicates: 0,
      rejected: [],
    })

    // Requests in flight when the connection drops: each one is either acknowledged (and then stored) or a 503.
    const inFlight = Array.from({ length: 8 }, (_, i) => batchOf(`flight${i}`, 5))
    const inFlightAnswers = Promise.all(inFlight.map((batch) => client.postBatch(batch)))
    await sleep(15)
    await proxy.cut()
    const inFlightStatuses = await Promise.all(
      (await inFlightAnswers).map(async (response) => ({ status: response.status, body: await response.json() })),
    )
    for (const [i, { status, body }] of inFlightStatuses.entries()) {
      expect([200, 503]).toContain(status)
      if (status === 200) {
        expect(body).toEqual({ accepted: 5, duplicates: 0, rejected: [] })
        expect([...(await storedCounts(`flight${i}`)).values()]).toEqual([1, 1, 1, 1, 1])
      }
    }

    // While it is down: health says so, ingestion refuses in the standard shape, reads too.
    const health = await client.health()
    expect(health.status).toBe(503)
    expect(health.headers.get('retry-after')).toMatch(/^\d+$/)
    expect(await health.json()).toEqual({ status: 'unavailable', store: 'unavailable' })

    const during = batchOf('during', 5)
    const refusals = [
      await client.postBatch(during),
      await client.post('/v1/identify', {
        anonymousId: 'device-during',
        userId: 'during-user',
        messageId: 'during-identify',
        traits: { email: 'during@example.com' },
      }),
      await fetch(`${collector.url}/v3/events`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'api-key': SECRET_KEY },
        body: JSON.stringify({
          event_name: 'during_brevo',
          event_date: '2026-03-02T10:00:00.000Z',
          identifiers: { email_id: 'during@example.com' },
        }),
      }),
      await client.read('/v1/events?limit=10'),
    ]
    for (const response of refusals) {
      expect(response.status).toBe(503)
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0)
      expect(await response.json()).toEqual({
        error: { code: 'store_unavailable', message: expect.stringMatching(/unavailable.*Retry later/) },
      })
    }
    expect(collector.child.exitCode).toBeNull()

    // Back: it finds the database again by itself, same process.
    await proxy.restore()
    const deadline = Date.now() + 30_000
    let healthy = await client.health()
    while (healthy.status !== 200 && Date.now() < deadline) {
      await sleep(250)
      healthy = await client.health()
    }
    expect(await healthy.json()).toEqual({ status: 'ok', store: 'ok' })
    expect(collector.child.exitCode).toBeNull()
    expect(await batchResult(await client.postBatch(batchOf('after', 5)))).toEqual({
      accepted: 5,
      duplicates: 0,
      rejected: [],
    })

    // Nothing of what was refused was stored, not even late.
    expect(await storedCounts('during')).toEqual(new Map())
    expect(
      await schema.sql`SELECT 1 FROM contacts WHERE user_id = 'during-user' OR email = 'during@example.com'`,
    ).toEqual([])

    // The tracker's retry lands exactly once, and a second retry is a duplicate.
    expect(await batchResult(await client.postBatch(during))).toEqual({ accepted: 5, duplicates: 0, rejected: [] })
    expect(await batchResult(await client.postBatch(during))).toEqual({ accepted: 0, duplicates: 5, rejected: [] })
    for (const [i, batch] of inFlight.entries()) {
      const retried = await batchResult(await client.postBatch(batch))
      expect(retried.accepted + retried.duplicates).toBe(5)
      if (inFlightStatuses[i]!.status === 200) expect(retried.duplicates).toBe(5)
    }
    for (const prefix of ['before', 'during', 'after', ...inFlight.map((_, i) => `flight${i}`)]) {
      expect([...(await storedCounts(prefix)).values()]).toEqual([1, 1, 1, 1, 1])
    }
    const log = await client.allEvents({ name: 'outage_probe' })
    expect(log).toHaveLength(5 * (3 + inFlight.length))
  })
})
