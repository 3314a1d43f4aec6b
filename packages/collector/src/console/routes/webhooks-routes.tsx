import { Hono } from 'hono'
import { recordId } from '../../automations/records/record-id.js'
import { deliveryOfRecord } from '../../automations/records/stored-delivery.js'
import { endpointOfRecord, endpointRecord, type StoredEndpoint } from '../../automations/records/stored-endpoint.js'
import type { CollectorEnv } from '../../collector-env.js'
import { ApiError } from '../../errors/api-error.js'
import { isPossibleId } from '../../routes/parse-request.js'
import { changeEndpoint } from '../../webhooks/change-endpoint.js'
import { replayStoredDelivery } from '../../webhooks/replay-stored-delivery.js'
import { rotateEndpointSecret } from '../../webhooks/rotate-endpoint-secret.js'
import { generateWebhookSecret } from '../../webhooks/webhook-secret.js'
import type { ConsoleAssetFiles } from '../assets/console-asset-files.js'
import type { ConsoleDeps } from '../console-deps.js'
import { ConfirmDeletePage } from '../pages/confirm-delete-page.js'
import { WebhookEndpointPage } from '../pages/webhook-endpoint-page.js'
import { WebhookSecretPage } from '../pages/webhook-secret-page.js'
import { WebhooksPage } from '../pages/webhooks-page.js'
import { renderConsolePage } from './render-console-page.js'
import { readWebhookForm } from './webhook-form.js'

/** As many as `GET /v1/webhooks` lists. */
const MAX_ENDPOINTS = 1000
const DELIVERIES_SHOWN = 100

const NOTICES: Record<string, string> = {
  enabled: 'Enabled: messages are delivered to it again. Replay those that failed meanwhile.',
  disabled: 'Disabled: messages to it fail until it is enabled again.',
  replayed: 'Replayed: the message is being sent again now.',
}

/** Where Replay may send the browser back to: a page of this section, nothing else. */
const RETURNABLE = /^\/console\/(webhooks|automations)\/[\w%-]+(\/runs\/[\w%-]+)?$/

export interface WebhooksRoutesOptions {
  deps: ConsoleDeps
  assets: ConsoleAssetFiles
  /** Whether endpoints may be private, loopback or link-local addresses (`--webhook-allow-private`). */
  allowPrivateWebhooks: boolean
  /** Wakes the delivery worker after a replay. */
  onDeliveryReplayed?: () => void
}

/**
 * Webhook endpoints in the console: `GET|POST /console/webhooks` (the list and the form
 * that adds one, whose secret is shown once), `GET …/:id` (with its latest messages),
 * `POST …/:id/rotate-secret|enable|disable`, `GET|POST …/:id/delete`, and
 * `POST /console/deliveries/:id/replay`.
 *
 * @example
 * app.route('/', webhooksRoutes({ deps, assets, allowPrivateWebhooks: false }))
 */
export function webhooksRoutes(options: WebhooksRoutesOptions): Hono<CollectorEnv> {
  const { deps, assets } = options
  const { store } = deps
  const app = new Hono<CollectorEnv>()
  const page = (title: string, status?: 400 | 201) => ({
    assets,
    title,
    section: 'automations' as const,
    signedIn: true,
    status,
  })
  const listEndpoints = async () =>
    (await store.transaction((tx) => tx.findRecords({ kind: 'webhook-endpoint', limit: MAX_ENDPOINTS }))).map(
      endpointOfRecord,
    )
  const hrefOf = (id: string) => `/console/webhooks/${encodeURIComponent(id)}`

  app.get('/webhooks', async (c) => {
    const deleted = c.req.query('deleted')
    return renderConsolePage(
      c,
      page('Webhook endpoints'),
      <WebhooksPage
        endpoints={await listEndpoints()}
        input={{ url: '', description: '' }}
        problems={[]}
        notice={deleted ? `Deleted the endpoint ${deleted}.` : undefined}
      />,
    )
  })

  app.post('/webhooks', async (c) => {
    const form = readWebhookForm(await c.req.parseBody(), { allowPrivate: options.allowPrivateWebhooks })
    if (!form.ok) {
      return renderConsolePage(
        c,
        page('Webhook endpoints', 400),
        <WebhooksPage endpoints={await listEndpoints()} input={form.input} problems={form.problems} />,
      )
    }
    const secret = generateWebhookSecret()
    const endpoint: StoredEndpoint = {
      id: recordId('wh'),
      url: form.body.url,
      description: form.body.description ?? null,
      headers: form.body.headers ?? {},
      secrets: [{ secret, expiresAt: null }],
      enabled: true,
      createdAt: deps.now().toISOString(),
    }
    await store.transaction((tx) => tx.saveRecord({ record: endpointRecord(endpoint) }))
    // Rendered, not redirected to: the secret must not travel in a URL or be kept to show again.
    return renderConsolePage(
      c,
      page('Endpoint added', 201),
      <WebhookSecretPage endpoint={endpoint} secret={secret} rotated={false} />,
    )
  })

  app.get('/webhooks/:id', async (c) => {
    const endpoint = await endpointOr404(c.req.param('id'))
    const records = await store.transaction((tx) =>
      tx.findRecords({ kind: 'delivery', endpointId: endpoint.id, limit: DELIVERIES_SHOWN }),
    )
    const done = c.req.query('done')
    return renderConsolePage(
      c,
      page(endpoint.description ?? endpoint.url),
      <WebhookEndpointPage
        endpoint={endpoint}
        deliveries={records.map(deliveryOfRecord)}
        notice={done === undefined ? undefined : NOTICES[done]}
      />,
    )
  })

  app.post('/webhooks/:id/rotate-secret', async (c) => {
    const id = c.req.param('id')
    const rotated = isPossibleId(id) ? await rotateEndpointSecret({ store, id, now: deps.now() }) : null
    if (rotated === null) throw notFound(id)
    return renderConsolePage(
      c,
      page('New signing secret'),
      <WebhookSecretPage endpoint={rotated.endpoint} secret={rotated.secret} rotated />,
    )
  })

  for (const action of ['enable', 'disable'] as const) {
    app.post(`/webhooks/:id/${action}`, async (c) => {
      const id = c.req.param('id')
      const changed = isPossibleId(id)
        ? await changeEndpoint({ store, id, change: { enabled: action === 'enable' } })
        : null
      if (changed === null) throw notFound(id)
      return c.redirect(`${hrefOf(id)}?done=${action}d`, 303)
    })
  }

  app.get('/webhooks/:id/delete', async (c) => {
    const endpoint = await endpointOr404(c.req.param('id'))
    const href = hrefOf(endpoint.id)
    return renderConsolePage(
      c,
      page(`Delete ${endpoint.url}`),
      <ConfirmDeletePage
        title={`Delete the endpoint ${endpoint.url}?`}
        action={`${href}/delete`}
        back={href}
        button="Delete this endpoint"
      >
        <p>
          Messages waiting for it will fail, and automations whose webhook steps name it will fail at those steps until
          they name another endpoint. Its messages already sent stay listed. This cannot be undone: to stop deliveries
          for a while, disable it instead.
        </p>
      </ConfirmDeletePage>,
    )
  })

  app.post('/webhooks/:id/delete', async (c) => {
    const endpoint = await endpointOr404(c.req.param('id'))
    if (!(await store.transaction((tx) => tx.deleteRecord({ kind: 'webhook-endpoint', id: endpoint.id })))) {
      throw notFound(endpoint.id)
    }
    return c.redirect(`/console/webhooks?deleted=${encodeURIComponent(endpoint.url)}`, 303)
  })

  app.post('/deliveries/:id/replay', async (c) => {
    const id = c.req.param('id')
    const back = (await c.req.parseBody()).back
    const replayed = isPossibleId(id) ? await replayStoredDelivery({ store, id, now: deps.now() }) : null
    if (replayed === null) {
      throw new ApiError(404, 'not_found', `No webhook message with id "${id.slice(0, 100)}": it may have been erased.`)
    }
    if ('deletedEndpoint' in replayed) {
      throw new ApiError(
        409,
        'endpoint_deleted',
        'This message was for an endpoint that was deleted: it cannot be sent.',
      )
    }
    options.onDeliveryReplayed?.()
    const to = typeof back === 'string' && RETURNABLE.test(back) ? back : hrefOf(replayed.endpointId)
    return c.redirect(`${to}?done=replayed`, 303)
  })

  async function endpointOr404(id: string): Promise<StoredEndpoint> {
    if (!isPossibleId(id)) throw notFound(id)
    const [record] = await store.transaction((tx) => tx.findRecords({ kind: 'webhook-endpoint', id, limit: 1 }))
    if (record === undefined) throw notFound(id)
    return endpointOfRecord(record)
  }
  return app
}

const notFound = (id: string) =>
  new ApiError(404, 'not_found', `No webhook endpoint with id "${id.slice(0, 100)}": it may have been deleted.`)
