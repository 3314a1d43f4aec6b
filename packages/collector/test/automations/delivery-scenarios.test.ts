import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { dropTestSchemas } from '../../src/stores/postgres/postgres-test-server.test-suite.js'
import { type AutomationHarness, automationHarness, HOUR, SECOND } from './automation-harness.js'
import { scenarioStores } from './scenario-stores.js'

const stores = scenarioStores()

describe.each(stores)('webhook deliveries on %s', (_, storeUrl) => {
  let h: AutomationHarness
  const open = async () => (h = await automationHarness(await storeUrl()))
  afterEach(async () => h?.close())
  afterAll(dropTestSchemas)

  const deliveries = async () => (await h.admin('GET', '/v1/deliveries')).body.deliveries

  it('receiver down with Retry-After, then up: delivered once, the same webhook-id on every attempt', async () => {
    await open()
    const endpoint = await h.endpoint()
    await h.automation({ name: 'x', trigger: { event: 'signed_up' }, steps: [{ webhook: { endpoint: endpoint.id } }] })
    let down = 2
    h.answerWith((_, response) =>
      down-- > 0 ? response.writeHead(503, { 'retry-after': '30' }).end('busy') : response.writeHead(200).end(),
    )
    await h.send({ type: 'track', userId: 'u1', event: 'signed_up' })
    await h.runDue()
    expect(await deliveries()).toMatchObject([{ status: 'pending', attempts: [{ status: 503 }] }])
    await h.runDue()
    expect(h.receiver.received).toHaveLength(1)
    h.advance(31 * SECOND)
    await h.runDue()
    h.advance(31 * SECOND)
    await h.runDue()
    h.advance(HOUR)
    await h.runDue()
    const ids = h.receiver.received.map((request) => request.headers['webhook-id'])
    expect(ids).toHaveLength(3)
    expect(new Set(ids).size).toBe(1)
    expect(await deliveries()).toMatchObject([
      { status: 'delivered', nextAttemptAt: null, attempts: [{ status: 503 }, { status: 503 }, { status: 200 }] },
    ])
  })

  it('410 disables the endpoint; always 500 fails after the schedule; a replay delivers', async () => {
    await open()
    const gone = await h.endpoint()
    const failing = await h.endpoint()
    await h.automation({ name: 'a', trigger: { event: 'e1' }, steps: [{ webhook: { endpoint: gone.id } }] })
    await h.automation({ name: 'b', trigger: { event: 'e2' }, steps: [{ webhook: { endpoint: failing.id } }] })
    h.answerWith((request, response) =>
      response.writeHead(request.headers['webhook-id'] && gonePath(request) ? 410 : 500).end(),
    )
    function gonePath(request: { body: string }) {
      return JSON.parse(request.body).data.automation.name === 'a'
    }
    await h.send({ type: 'track', userId: 'u1', event: 'e1' })
    await h.send({ type: 'track', userId: 'u1', event: 'e2' })
    for (let i = 0; i < 10; i++) {
      await h.runDue()
      h.advance(11 * HOUR)
    }
    expect((await h.admin('GET', `/v1/webhooks/${gone.id}`)).body.enabled).toBe(false)
    const byEndpoint = async (id: string) => (await h.admin('GET', `/v1/deliveries?endpoint=${id}`)).body.deliveries
    expect(await byEndpoint(gone.id)).toMatchObject([{ status: 'failed', attempts: [{ status: 410 }] }])
    const [failed] = await byEndpoint(failing.id)
    expect(failed).toMatchObject({ status: 'failed', nextAttemptAt: null })
    expect(failed.attempts).toHaveLength(8)
    expect((await h.admin('GET', '/v1/deliveries?status=failed')).body.deliveries).toHaveLength(2)

    h.answerWith((_, response) => response.writeHead(204).end())
    const replay = await h.admin('POST', `/v1/deliveries/${failed.id}/replay`)
    expect(replay.status).toBe(202)
    await h.runDue()
    const [replayed] = await byEndpoint(failing.id)
    expect(replayed).toMatchObject({ status: 'delivered' })
    expect(replayed.attempts).toHaveLength(9)
    const ids = h.receiver.received.filter((r) => !gonePath(r)).map((r) => r.headers['webhook-id'])
    expect(new Set(ids)).toEqual(new Set([failed.webhookId]))
  })

  it('deleting an endpoint ends its pending messages: shown as endpoint-deleted, never tried again', async () => {
    await open()
    const doomed = await h.endpoint()
    const kept = await h.endpoint()
    await h.automation({ name: 'a', trigger: { event: 'e1' }, steps: [{ webhook: { endpoint: doomed.id } }] })
    await h.automation({ name: 'b', trigger: { event: 'e2' }, steps: [{ webhook: { endpoint: kept.id } }] })
    h.answerWith((_, response) => response.writeHead(500).end())
    await h.send({ type: 'track', userId: 'u1', event: 'e1' })
    await h.send({ type: 'track', userId: 'u1', event: 'e2' })
    await h.runDue()
    expect(h.receiver.received).toHaveLength(2)

    expect((await h.admin('DELETE', `/v1/webhooks/${doomed.id}`)).status).toBe(204)
    const byStatus = async (status: string) => (await h.admin('GET', `/v1/deliveries?status=${status}`)).body.deliveries
    const [ended] = await byStatus('endpoint-deleted')
    expect(ended).toMatchObject({ endpoint: doomed.id, nextAttemptAt: null, attempts: [{ status: 500 }] })
    expect(await byStatus('pending')).toMatchObject([{ endpoint: kept.id }])

    for (let i = 0; i < 10; i++) {
      h.advance(11 * HOUR)
      await h.runDue()
    }
    // The kept endpoint's message went through its whole schedule; the ended one was never sent again.
    const sentTo = (id: string) => h.receiver.received.filter((r) => r.headers['webhook-id'] === id).length
    expect(sentTo(ended.webhookId)).toBe(1)
    expect(await byStatus('failed')).toMatchObject([{ endpoint: kept.id, attempts: expect.any(Array) }])
    expect((await byStatus('failed'))[0].attempts).toHaveLength(8)

    const replay = await h.admin('POST', `/v1/deliveries/${ended.id}/replay`)
    expect(replay.status).toBe(409)
    expect(replay.body.error.message).toMatch(/deleted/)
  })

  it('a message whose endpoint vanished while it was pending ends as endpoint-deleted, not sent again', async () => {
    await open()
    const endpoint = await h.endpoint()
    await h.automation({ name: 'a', trigger: { event: 'e1' }, steps: [{ webhook: { endpoint: endpoint.id } }] })
    h.answerWith((_, response) => response.writeHead(500).end())
    await h.send({ type: 'track', userId: 'u1', event: 'e1' })
    await h.runDue()
    // What a deletion committing while this collector held the message leaves behind: the endpoint
    // gone, the message still pending.
    await h.store.transaction((tx) => tx.deleteRecord({ kind: 'webhook-endpoint', id: endpoint.id }))
    h.advance(HOUR)
    await h.runDue()
    expect(h.receiver.received).toHaveLength(1)
    expect(await deliveries()).toMatchObject([
      { status: 'endpoint-deleted', attempts: [{ status: 500 }], nextAttemptAt: null },
    ])
  })

  it('a message whose turn at a slow endpoint comes too late for its lease waits for the lease to run out', async () => {
    await open()
    const endpoint = await h.endpoint()
    await h.automation({
      name: 'slow',
      reentry: 'always',
      trigger: { event: 'ordered' },
      steps: [{ webhook: { endpoint: endpoint.id } }],
    })
    // Each answer takes 11 s of the test's clock; the endpoint takes 4 messages at once.
    h.answerWith((_, response) => {
      h.advance(11 * SECOND)
      response.writeHead(204).end()
    })
    for (let i = 0; i < 6; i++) await h.send({ type: 'track', userId: 'u1', event: 'ordered', messageId: `m${i}` })
    await h.runDue()
    // The last two would start 11 s or more after the lease was taken, and could still be running
    // when another collector takes the messages over: they are not started, nor marked as tried.
    expect(h.receiver.received).toHaveLength(4)
    const byStatus = (list: { status: string; attempts: unknown[] }[]) =>
      list.map(({ status, attempts }) => `${status} ${attempts.length}`).sort()
    expect(byStatus(await deliveries())).toEqual([
      'delivered 1',
      'delivered 1',
      'delivered 1',
      'delivered 1',
      'pending 0',
      'pending 0',
    ])
    // 44 s later their lease has run out: the next round sends them.
    await h.runDue()
    const ids = h.receiver.received.map((request) => request.headers['webhook-id'])
    expect(ids).toHaveLength(6)
    expect(new Set(ids).size).toBe(6)
    expect(byStatus(await deliveries())).toEqual(Array(6).fill('delivered 1'))
  })
})
