import { Webhook } from 'standardwebhooks'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { AutomationEngine } from '../../src/automations/engine/automation-engine.js'
import { dropTestSchemas } from '../../src/stores/postgres/postgres-test-server.test-suite.js'
import { type AutomationHarness, automationHarness, HOUR, SECOND } from './automation-harness.js'
import { scenarioStores } from './scenario-stores.js'

const stores = scenarioStores()

describe.each(stores)('automations on %s', (_, storeUrl) => {
  let h: AutomationHarness
  const open = async () => (h = await automationHarness(await storeUrl()))
  afterEach(async () => h?.close())
  afterAll(dropTestSchemas)

  const runsOf = async (automationId: string) =>
    (await h.admin('GET', `/v1/automations/${automationId}/runs`)).body.runs
  const deliveries = async () => (await h.admin('GET', '/v1/deliveries')).body.deliveries

  it('a payload naming event.NAME.lastProperties gets the latest such event’s properties', async () => {
    await open()
    const endpoint = await h.endpoint()
    await h.automation({
      name: 'Cart reminder',
      trigger: { event: 'checkout_started' },
      steps: [
        {
          webhook: {
            endpoint: endpoint.id,
            payload: { total: '{{event.cart_updated.lastProperties.total}}', carts: '{{event.cart_updated.count}}' },
          },
        },
      ],
    })
    const at = (minute: number) => new Date(h.now().getTime() - (10 - minute) * 60_000).toISOString()
    await h.send({ type: 'track', userId: 'u1', event: 'cart_updated', properties: { total: 20 }, timestamp: at(1) })
    await h.send({ type: 'track', userId: 'u1', event: 'cart_updated', properties: { total: 35 }, timestamp: at(2) })
    await h.send({ type: 'track', userId: 'u1', event: 'checkout_started' })
    await h.runDue()
    await h.runDue()
    expect(h.receiver.received.map((request) => JSON.parse(request.body))).toEqual([{ total: 35, carts: 2 }])
  })

  it('order confirmation: the order’s fields reach the receiver through templates, signed, once', async () => {
    await open()
    const endpoint = await h.endpoint()
    const automation = await h.automation({
      name: 'Order confirmation',
      trigger: { event: 'order_completed' },
      steps: [
        {
          webhook: {
            endpoint: endpoint.id,
            payload: {
              orderId: '{{trigger.properties.orderId}}',
              total: '{{trigger.properties.total}}',
              email: '{{contact.email}}',
              greeting: 'Thanks {{contact.attributes.firstName}}, order {{trigger.properties.orderId}} is on its way',
              orders: '{{event.order_completed.count}}',
            },
          },
        },
      ],
    })
    await h.send({ type: 'identify', userId: 'u1', traits: { email: 'ada@example.com', firstName: 'Ada' } })
    await h.send({
      type: 'track',
      userId: 'u1',
      event: 'order_completed',
      properties: { orderId: 'o-42', total: 99.5 },
    })
    await h.runDue()
    await h.runDue()

    expect(h.receiver.received).toHaveLength(1)
    const [request] = h.receiver.received
    expect(JSON.parse(request!.body)).toEqual({
      orderId: 'o-42',
      total: 99.5,
      email: 'ada@example.com',
      greeting: 'Thanks Ada, order o-42 is on its way',
      orders: 1,
    })
    expect(request!.headers['api-key']).toBe('k-123')
    expect(() =>
      new Webhook(endpoint.secret).verify(request!.body, request!.headers as Record<string, string>),
    ).not.toThrow()
    const [run] = await runsOf(automation.id)
    expect(run).toMatchObject({ status: 'exited', exitReason: 'completed' })
    expect(run.log.map((entry: { step: string }) => entry.step)).toEqual(['steps.0'])
    expect(await deliveries()).toMatchObject([
      { status: 'delivered', endpoint: endpoint.id, attempts: [{ status: 204 }] },
    ])
    // The endpoint's headers are sent, never shown.
    expect(JSON.stringify((await h.admin('GET', `/v1/webhooks/${endpoint.id}`)).body)).not.toContain('k-123')
  })

  it('a trigger change read twice starts one run', async () => {
    await open()
    const endpoint = await h.endpoint()
    const automation = await h.automation({
      name: 'x',
      reentry: 'always',
      trigger: { event: '*' },
      steps: [{ webhook: { endpoint: endpoint.id } }],
    })
    await h.send({ type: 'track', userId: 'u1', event: 'page_seen' })
    const { changes } = await h.store.readChanges({ limit: 100 })
    const engine = new AutomationEngine({ reads: h.store, now: h.now })
    await h.store.transaction((tx) => engine.handle(changes, tx))
    await h.store.transaction((tx) => engine.handle(changes, tx))
    await h.runDue()
    expect(await runsOf(automation.id)).toHaveLength(1)
    await h.runDue()
    expect(h.receiver.received).toHaveLength(1)
    const body = JSON.parse(h.receiver.received[0]!.body)
    expect(body).toMatchObject({
      type: 'automation.webhook',
      data: { automation: { id: automation.id }, trigger: { name: 'page_seen' } },
    })
  })

  it('abandoned cart: no order within the timeout sends one webhook with the cart’s items and the email', async () => {
    await open()
    const endpoint = await h.endpoint()
    const automation = await h.automation(abandonedCart(endpoint.id))
    await h.send({ type: 'identify', anonymousId: 'a1', userId: 'u1', traits: { email: 'ada@example.com' } })
    await h.send({
      type: 'track',
      userId: 'u1',
      event: 'cart_updated',
      properties: { total: 30, items: [{ sku: 'tea', qty: 2 }] },
    })
    await h.send({
      type: 'track',
      userId: 'u1',
      event: 'cart_updated',
      properties: { total: 40, items: [{ sku: 'tea', qty: 3 }] },
    })
    await h.runDue()
    expect(await runsOf(automation.id)).toMatchObject([{ status: 'waiting' }])
    h.advance(2 * HOUR - SECOND)
    await h.runDue()
    expect(h.receiver.received).toHaveLength(0)
    h.advance(2 * SECOND)
    await h.runDue()
    await h.runDue()
    expect(h.receiver.received).toHaveLength(1)
    expect(JSON.parse(h.receiver.received[0]!.body)).toEqual({
      email: 'ada@example.com',
      items: [{ sku: 'tea', qty: 2 }],
    })
    expect(await runsOf(automation.id)).toMatchObject([{ status: 'exited', exitReason: 'completed' }])
  })

  it('abandoned cart: an order in time (after the visitor logs in) ends the run as converted, no webhook', async () => {
    await open()
    const endpoint = await h.endpoint()
    const automation = await h.automation(abandonedCart(endpoint.id))
    await h.send({ type: 'track', anonymousId: 'visitor', event: 'cart_updated', properties: { total: 30, items: [] } })
    await h.send({ type: 'identify', userId: 'u9', traits: { email: 'bo@example.com' } })
    await h.send({ type: 'identify', anonymousId: 'visitor', userId: 'u9' })
    await h.runDue()
    h.advance(HOUR)
    await h.send({ type: 'track', userId: 'u9', event: 'order_completed', properties: { orderId: 'o-1' } })
    await h.runDue()
    h.advance(3 * HOUR)
    await h.runDue()
    expect(h.receiver.received).toHaveLength(0)
    const runs = await runsOf(automation.id)
    expect(runs).toMatchObject([{ status: 'exited', exitReason: 'converted' }])
    expect(runs[0].log.at(-1)).toMatchObject({ step: 'steps.0.then.0', outcome: 'exited: converted' })
  })

  it('a wait whose timeout another collector fired meanwhile is not also ended by its event', async () => {
    await open()
    const endpoint = await h.endpoint()
    const automation = await h.automation(abandonedCart(endpoint.id))
    await h.send({ type: 'track', userId: 'u1', event: 'cart_updated', properties: { total: 30, items: [] } })
    await h.runDue()
    const [timer] = await h.store.transaction((tx) => tx.findRecords({ kind: 'timer', limit: 10 }))
    expect(timer).toBeDefined()
    // What the engine meets when another collector's firing of the timeout commits while it
    // handles the order (on PostgreSQL its delete waits for that commit): the timer gone, the
    // run not moved on yet. That firing goes on with the run; the order must not as well.
    await h.store.transaction((tx) => tx.deleteRecord({ kind: 'timer', id: timer!.id }))
    await h.send({ type: 'track', userId: 'u1', event: 'order_completed' })
    await h.runDue()
    const [run] = await runsOf(automation.id)
    expect(run).toMatchObject({ status: 'waiting' })
    expect(run.log.map((entry: { outcome: string }) => entry.outcome).join(' | ')).not.toContain('order_completed came')
  })

  it('changes handled in one page see what the changes before them did to runs', async () => {
    await open()
    const endpoint = await h.endpoint()
    const cart = await h.automation(abandonedCart(endpoint.id))
    const welcome = await h.automation({
      name: 'First cart',
      reentry: 'never',
      trigger: { event: 'cart_updated' },
      steps: [{ webhook: { endpoint: endpoint.id, payload: { first: '{{trigger.properties.total}}' } } }],
    })
    await h.send({ type: 'identify', userId: 'u5', traits: { email: 'cy@example.com' } })
    await h.send({ type: 'track', userId: 'u5', event: 'cart_updated', properties: { total: 30, items: ['a'] } })
    await h.send({ type: 'track', userId: 'u5', event: 'order_completed', properties: {} })
    await h.send({ type: 'track', userId: 'u5', event: 'cart_updated', properties: { total: 50, items: ['b'] } })
    // One page: the order ends the first run's wait, so the second cart may start a run (after-exit).
    await h.runDue()
    const runs = await runsOf(cart.id)
    const outcomes = runs.map((run: { status: string; exitReason: string | null }) => `${run.status} ${run.exitReason}`)
    expect(outcomes.sort()).toEqual(['exited converted', 'waiting null'])
    expect(await runsOf(welcome.id)).toHaveLength(1)
    h.advance(3 * HOUR)
    await h.runDue()
    await h.runDue()
    const bodies = h.receiver.received.map((received) => JSON.parse(received.body))
    expect(bodies).toHaveLength(2)
    expect(bodies).toContainEqual({ first: 30 })
    expect(bodies).toContainEqual({ email: 'cy@example.com', items: ['b'] })
  })

  it('a disabled automation starts no run but lets runs under way finish; a deleted one ends them', async () => {
    await open()
    const endpoint = await h.endpoint()
    const kept = await h.automation(abandonedCart(endpoint.id))
    const dropped = await h.automation({ ...abandonedCart(endpoint.id), name: 'Dropped' })
    await h.send({ type: 'track', userId: 'u1', event: 'cart_updated', properties: { total: 25, items: [] } })
    await h.runDue()
    const disabled = await h.admin('PUT', `/v1/automations/${kept.id}`, {
      ...abandonedCart(endpoint.id),
      enabled: false,
    })
    expect(disabled.status).toBe(200)
    expect((await h.admin('DELETE', `/v1/automations/${dropped.id}`)).status).toBe(204)
    await h.send({ type: 'track', userId: 'u2', event: 'cart_updated', properties: { total: 25, items: [] } })
    await h.send({ type: 'track', userId: 'u1', event: 'order_completed' })
    await h.runDue()
    expect(await runsOf(kept.id)).toMatchObject([{ status: 'exited', exitReason: 'converted' }])
    h.advance(3 * HOUR)
    await h.runDue()
    const [droppedRun] = await h.store.transaction((tx) =>
      tx.findRecords({ kind: 'run', automationId: dropped.id, limit: 5 }),
    )
    expect(droppedRun).toMatchObject({ status: 'exited', body: { exitReason: 'automation deleted' } })
    expect(h.receiver.received).toHaveLength(0)
  })

  it('an erased contact leaves no run, timer or message behind', async () => {
    await open()
    const endpoint = await h.endpoint()
    const automation = await h.automation(abandonedCart(endpoint.id))
    await h.send({ type: 'identify', userId: 'gone', traits: { email: 'gone@example.com' } })
    await h.send({ type: 'track', userId: 'gone', event: 'cart_updated', properties: { total: 50, items: ['x'] } })
    await h.runDue()
    const [contact] = await h.store.findContacts({ userId: 'gone' })
    expect(await runsOf(automation.id)).toHaveLength(1)
    expect((await h.admin('DELETE', `/v1/contacts/${contact!.id}`)).status).toBe(204)
    await h.runDue()
    expect(await runsOf(automation.id)).toEqual([])
    h.advance(3 * HOUR)
    await h.runDue()
    expect(h.receiver.received).toHaveLength(0)
    expect(await deliveries()).toEqual([])
    expect(await h.store.transaction((tx) => tx.nextDueAt({ kind: 'timer' }))).toBeNull()
  })

  it('a segment-entered trigger, and an if on an attribute and on segment membership', async () => {
    await open()
    const endpoint = await h.endpoint()
    const automation = await h.automation({
      name: 'VIP welcome',
      trigger: { segment: 'seg_vip', on: 'entered' },
      steps: [
        {
          if: { all: [{ attribute: 'plan', eq: 'pro' }, { segment: 'seg_paying' }] },
          then: [{ webhook: { endpoint: endpoint.id } }],
          else: [{ exit: 'not a paying pro' }],
        },
      ],
    })
    await h.send({ type: 'identify', userId: 'pro', traits: { plan: 'pro' } })
    await h.send({ type: 'identify', userId: 'free', traits: { plan: 'free' } })
    await h.send({ type: 'identify', userId: 'trial', traits: { plan: 'pro' } })
    const [pro] = await h.store.findContacts({ userId: 'pro' })
    const [free] = await h.store.findContacts({ userId: 'free' })
    const [trial] = await h.store.findContacts({ userId: 'trial' })
    for (const contact of [pro!, free!]) h.members.add(`seg_paying ${contact.id}`)
    // What the segments engine appends when a contact enters a segment.
    await h.store.transaction((tx) =>
      tx.appendChanges({
        changes: [pro!, free!, trial!].flatMap((contact) => [
          {
            type: 'segment.entered' as const,
            at: h.now().toISOString(),
            contactId: contact.id,
            data: { segmentId: 'seg_vip' },
          },
          {
            type: 'segment.entered' as const,
            at: h.now().toISOString(),
            contactId: contact.id,
            data: { segmentId: 'seg_other' },
          },
        ]),
      }),
    )
    await h.runDue()
    await h.runDue()
    const runs = await runsOf(automation.id)
    expect(
      runs.map((run: { contactId: string; exitReason: string }) => [run.contactId, run.exitReason]).sort(),
    ).toEqual(
      [
        [pro!.id, 'completed'],
        [free!.id, 'not a paying pro'],
        [trial!.id, 'not a paying pro'],
      ].sort(),
    )
    expect(h.receiver.received).toHaveLength(1)
    const { runs: trialRuns } = (await h.admin('GET', `/v1/contacts/${trial!.id}/runs`)).body
    expect(trialRuns).toMatchObject([{ exitReason: 'not a paying pro' }])
  })
})

function abandonedCart(endpoint: string) {
  return {
    name: 'Abandoned cart',
    trigger: { event: 'cart_updated', where: [{ property: 'total', gte: 20 }] },
    steps: [
      {
        waitFor: { event: 'order_completed' },
        timeout: '2h',
        then: [{ exit: 'converted' }],
        else: [
          { webhook: { endpoint, payload: { email: '{{contact.email}}', items: '{{trigger.properties.items}}' } } },
        ],
      },
    ],
  }
}
