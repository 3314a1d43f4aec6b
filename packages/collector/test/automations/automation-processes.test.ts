import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import {
  dropTestSchemas,
  ensureReachable,
  freshSchemaUrl,
} from '../../src/stores/postgres/postgres-test-server.test-suite.js'
import {
  type CollectorProcess,
  killAllCollectorProcesses,
  startCollectorProcess,
} from '../helpers/collector-process.js'
import { SECRET_KEY, WRITE_KEY, basic } from '../helpers/test-collector.js'
import { startWebhookReceiver } from '../helpers/webhook-receiver.js'

const directory = mkdtempSync(join(tmpdir(), 'sillage-automations-'))
const keys = ['--write-keys', WRITE_KEY, '--secret-key', SECRET_KEY, '--webhook-allow-private']

afterEach(killAllCollectorProcesses)
afterAll(async () => {
  rmSync(directory, { recursive: true, force: true })
  await dropTestSchemas()
})

async function admin(collector: CollectorProcess, method: string, path: string, body?: unknown) {
  const response = await fetch(collector.url + path, {
    method,
    headers: { Authorization: `Bearer ${SECRET_KEY}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const answer = await response.json()
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(answer)}`)
  return answer
}

async function send(collector: CollectorProcess, batch: Record<string, unknown>[]) {
  const response = await fetch(`${collector.url}/v1/batch`, {
    method: 'POST',
    headers: { Authorization: basic(WRITE_KEY), 'Content-Type': 'application/json' },
    body: JSON.stringify({ batch }),
  })
  expect(response.status).toBe(200)
}

/** Waits for what real processes do on their own clock, up to a deadline. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, deadlineMs = 60_000): Promise<T> {
  const until = Date.now() + deadlineMs
  for (;;) {
    const value = await read()
    if (done(value) || Date.now() > until) return value
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

type Delivery = { webhookId: string; status: string; automation: string }
type Run = { status: string; contactId: string; exitReason: string | null }

/** Every record of a paged list (`nextCursor`), pages of 1,000. */
async function allPages<T>(collector: CollectorProcess, path: string, key: string): Promise<T[]> {
  const records: T[] = []
  for (let cursor: string | null = null; ; ) {
    const separator = path.includes('?') ? '&' : '?'
    const page = await admin(collector, 'GET', `${path}${separator}limit=1000${cursor ? `&cursor=${cursor}` : ''}`)
    records.push(...page[key])
    cursor = page.nextCursor
    if (cursor === null) return records
  }
}

describe('automations in real collector processes', () => {
  it('after a kill -9 with 1,000 timers pending and deliveries in flight: each timer fires, no run starts twice, ' +
    'every message arrives with its webhook-id', { timeout: 120_000 }, async () => {
    let answering = false
    const receiver = await startWebhookReceiver((_, response) => {
      if (answering) response.writeHead(204).end()
      // Otherwise the receiver hangs: the delivery stays in flight until the kill.
    })
    const store = ['--store', `sqlite:${join(directory, 'kill.db')}`]
    const first = await startCollectorProcess([...store, ...keys], directory)
    const endpoint = await admin(first, 'POST', '/v1/webhooks', { url: `${receiver.url}/hook` })
    const delayed = await admin(first, 'POST', '/v1/automations', {
      name: 'Delayed',
      trigger: { event: 'signed_up' },
      steps: [{ delay: '2s' }, { webhook: { endpoint: endpoint.id } }],
    })
    const instant = await admin(first, 'POST', '/v1/automations', {
      name: 'Instant',
      trigger: { event: 'ordered' },
      steps: [{ webhook: { endpoint: endpoint.id } }],
    })
    const buyers = ['u1', 'u2', 'u3']
    const signups = Array.from({ length: 1000 }, (_, i) => `s${i}`)
    await send(
      first,
      buyers.map((userId) => ({ type: 'track', userId, event: 'ordered', messageId: `o-${userId}` })),
    )
    await send(
      first,
      signups.map((userId) => ({ type: 'track', userId, event: 'signed_up', messageId: `s-${userId}` })),
    )
    await eventually(
      async () => receiver.received.length,
      (count) => count >= 3,
      10_000,
    )
    const waiting = await eventually(
      () => allPages<Run>(first, `/v1/automations/${delayed.id}/runs?status=waiting`, 'runs'),
      (runs) => runs.length === 1000,
      10_000,
    )
    expect(waiting).toHaveLength(1000)
    const inFlight = receiver.received.map((request) => request.headers['webhook-id'])

    first.child.kill('SIGKILL')
    expect(await first.exited).toBe('SIGKILL')
    // The timers fall due while no collector runs.
    await new Promise((resolve) => setTimeout(resolve, 2500))
    answering = true
    const second = await startCollectorProcess([...store, ...keys], directory)

    const deliveries = await eventually(
      () => allPages<Delivery>(second, '/v1/deliveries', 'deliveries'),
      (list) => list.length === 1003 && list.every((d) => d.status === 'delivered'),
      90_000,
    )
    expect(deliveries.filter((d) => d.status === 'delivered')).toHaveLength(1003)
    for (const [automation, contacts] of [
      [delayed, 1000],
      [instant, 3],
    ] as const) {
      const runs = await allPages<Run>(second, `/v1/automations/${automation.id}/runs`, 'runs')
      expect(runs).toHaveLength(contacts)
      expect(runs.every((run) => run.status === 'exited' && run.exitReason === 'completed')).toBe(true)
      expect(new Set(runs.map((run) => run.contactId)).size).toBe(contacts)
    }
    const answered = receiver.received.slice(inFlight.length).map((request) => request.headers['webhook-id'])
    expect(new Set(answered)).toEqual(new Set(deliveries.map((d) => d.webhookId)))
    // The messages cut off by the kill came again under the same webhook-id.
    for (const id of inFlight) expect(answered).toContain(id)
    await receiver.close()
  })

  it('two collectors on one PostgreSQL: each timer fires once and each message is sent once', {
    timeout: 120_000,
  }, async () => {
    await ensureReachable()
    const receiver = await startWebhookReceiver()
    const store = ['--store', freshSchemaUrl()]
    const one = await startCollectorProcess([...store, ...keys], directory)
    const two = await startCollectorProcess([...store, ...keys], directory)
    const endpoint = await admin(one, 'POST', '/v1/webhooks', { url: `${receiver.url}/hook` })
    const automation = await admin(two, 'POST', '/v1/automations', {
      name: 'Follow-up',
      trigger: { event: 'ordered' },
      steps: [
        { delay: '1s' },
        { webhook: { endpoint: endpoint.id } },
        { delay: '1s' },
        { webhook: { endpoint: endpoint.id } },
      ],
    })
    const users = Array.from({ length: 20 }, (_, i) => `user-${i}`)
    await Promise.all([
      send(
        one,
        users.slice(0, 10).map((userId) => ({ type: 'track', userId, event: 'ordered' })),
      ),
      send(
        two,
        users.slice(10).map((userId) => ({ type: 'track', userId, event: 'ordered' })),
      ),
    ])
    const { runs } = await eventually(
      () => admin(one, 'GET', `/v1/automations/${automation.id}/runs?status=exited`),
      (answer) => answer.runs.length === 20,
    )
    expect(runs).toHaveLength(20)
    const deliveries: Delivery[] = (
      await eventually(
        () => admin(two, 'GET', '/v1/deliveries?status=delivered'),
        (answer) => answer.deliveries.length === 40,
      )
    ).deliveries
    expect(deliveries).toHaveLength(40)
    const sent = receiver.received.map((request) => request.headers['webhook-id'])
    expect(sent).toHaveLength(40)
    expect(new Set(sent).size).toBe(40)
    const logged = runs.flatMap((run: { log: { outcome: string }[] }) =>
      run.log.filter((e) => e.outcome.startsWith('waiting until')),
    )
    expect(logged).toHaveLength(40)
    await receiver.close()
  })
})
