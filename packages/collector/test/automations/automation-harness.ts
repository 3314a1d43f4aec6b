import type { ServerResponse } from 'node:http'
import { createCollector } from '../../src/create-collector.js'
import { AutomationRuntime } from '../../src/automations/automation-runtime.js'
import { createStore } from '../../src/stores/create-store.js'
import type { Store } from '../../src/stores/store.js'
import { type ReceivedWebhook, startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver.js'
import { SECRET_KEY, WRITE_KEY, basic } from '../helpers/test-collector.js'

export const SECOND = 1000
export const HOUR = 3600 * SECOND

/**
 * A collector on `storeUrl` with its automations run by hand under a clock the test moves,
 * a real webhook receiver on 127.0.0.1, and helpers that go through the HTTP API.
 */
export async function automationHarness(storeUrl: string) {
  let clock = Date.now()
  const now = () => new Date(clock)
  const store: Store = createStore(storeUrl)
  await store.open()
  // Segment memberships as the segments feature would answer them: `${segmentId} ${contactId}`.
  const members = new Set<string>()
  const segments = {
    isMember: async (m: { segmentId: string; contactId: string }) => members.has(`${m.segmentId} ${m.contactId}`),
  }
  const runtime = new AutomationRuntime({ store, allowPrivate: true, now, random: () => 0.5, segments })
  const app = createCollector({
    store,
    writeKeys: [WRITE_KEY],
    secretKey: SECRET_KEY,
    log: () => {},
    now,
    webhookAllowPrivate: true,
    rateLimit: false,
  })
  let answer: (request: ReceivedWebhook, response: ServerResponse) => void = (_, response) =>
    response.writeHead(204).end()
  const receiver: WebhookReceiver = await startWebhookReceiver((request, response) => answer(request, response))

  const admin = async (method: string, path: string, body?: unknown) => {
    const response = await app.request(path, {
      method,
      headers: { Authorization: `Bearer ${SECRET_KEY}`, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    return { status: response.status, body: response.status === 204 ? null : await response.json() }
  }
  const send = async (event: Record<string, unknown>) => {
    const response = await app.request('/v1/batch', {
      method: 'POST',
      headers: { Authorization: basic(WRITE_KEY), 'Content-Type': 'application/json' },
      body: JSON.stringify({ batch: [{ timestamp: now().toISOString(), ...event }] }),
    })
    if (response.status !== 200) throw new Error(`ingest answered ${response.status}: ${await response.text()}`)
  }

  return {
    store,
    members,
    runtime,
    app,
    receiver,
    admin,
    send,
    now,
    advance: (ms: number) => (clock += ms),
    answerWith: (next: typeof answer) => (answer = next),
    async endpoint(): Promise<{ id: string; secret: string }> {
      const created = await admin('POST', '/v1/webhooks', {
        url: `${receiver.url}/hooks`,
        headers: { 'api-key': 'k-123' },
      })
      if (created.status !== 201) throw new Error(JSON.stringify(created.body))
      return created.body
    },
    async automation(definition: unknown): Promise<{ id: string }> {
      const created = await admin('POST', '/v1/automations', definition)
      if (created.status !== 201) throw new Error(JSON.stringify(created.body))
      return created.body
    },
    runDue: () => runtime.runDue(),
    async close() {
      await runtime.stop()
      await receiver.close()
      await store.close()
    },
  }
}

export type AutomationHarness = Awaited<ReturnType<typeof automationHarness>>
