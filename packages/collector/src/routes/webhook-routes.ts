import { Hono } from 'hono'
import { webhookEndpointBodySchema, webhookEndpointChangeSchema } from '@sillage/protocol'
import { endDeliveriesToEndpoint } from '../automations/deliveries/end-deliveries-to-endpoint.js'
import { endpointOfRecord, endpointRecord, type StoredEndpoint } from '../automations/records/stored-endpoint.js'
import { recordId } from '../automations/records/record-id.js'
import type { CollectorEnv } from '../collector-env.js'
import { ApiError } from '../errors/api-error.js'
import { secretKeyAuth } from '../middleware/auth/index.js'
import { jsonBody } from '../middleware/json-body/index.js'
import { changeEndpoint } from '../webhooks/change-endpoint.js'
import { refusedLiteralAddress } from '../webhooks/refused-webhook-url.js'
import { rotateEndpointSecret } from '../webhooks/rotate-endpoint-secret.js'
import { generateWebhookSecret } from '../webhooks/webhook-secret.js'
import { pageQuerySchema } from './automation-schemas.js'
import { isPossibleId, parseBody, parseQuery } from './parse-request.js'
import { recordPage, recordPageRequest } from './record-page.js'
import type { RouteDeps } from './route-deps.js'

/** An endpoint as the API shows it: never its headers, which may hold the receiver's credentials. */
const shown = ({ id, url, description, enabled, createdAt }: StoredEndpoint) => ({
  id,
  url,
  description,
  enabled,
  createdAt,
})

/**
 * Webhook endpoints: `POST /v1/webhooks` (201 with the `whsec_` secret, shown this once),
 * `GET /v1/webhooks`, `GET|PATCH|DELETE /v1/webhooks/:id`, `POST /v1/webhooks/:id/rotate-secret`
 * (the old secret keeps signing for 24 h).
 *
 * @example
 * app.route('/', webhookRoutes({ ...deps, allowPrivateWebhooks: false }))
 */
export function webhookRoutes(
  deps: Pick<RouteDeps, 'store' | 'secretKey' | 'now'> & { allowPrivateWebhooks: boolean },
): Hono<CollectorEnv> {
  const { store } = deps
  const app = new Hono<CollectorEnv>()
  app.use('/v1/webhooks', secretKeyAuth(deps))
  app.use('/v1/webhooks/*', secretKeyAuth(deps))

  const refuseUrl = (url: string) => {
    const refusal = deps.allowPrivateWebhooks ? null : refusedLiteralAddress(new URL(url))
    if (refusal) throw new ApiError(400, 'invalid_body', `Invalid webhook endpoint: url: ${refusal}`)
  }

  app.post('/v1/webhooks', jsonBody(), async (c) => {
    const body = parseBody(c, webhookEndpointBodySchema, 'webhook endpoint')
    refuseUrl(body.url)
    const secret = generateWebhookSecret()
    const endpoint: StoredEndpoint = {
      id: recordId('wh'),
      url: body.url,
      description: body.description ?? null,
      headers: body.headers ?? {},
      secrets: [{ secret, expiresAt: null }],
      enabled: true,
      createdAt: deps.now().toISOString(),
    }
    await store.transaction((tx) => tx.saveRecord({ record: endpointRecord(endpoint) }))
    return c.json({ ...shown(endpoint), secret }, 201)
  })

  app.get('/v1/webhooks', async (c) => {
    const page = parseQuery(c, pageQuerySchema)
    const request = recordPageRequest(page)
    const found = await store.transaction((tx) => tx.findRecords({ kind: 'webhook-endpoint', ...request }))
    const { records, nextCursor } = recordPage(found, page.limit)
    return c.json({ webhooks: records.map((record) => shown(endpointOfRecord(record))), nextCursor })
  })

  app.get('/v1/webhooks/:id', async (c) => c.json(shown(await endpointOr404(c.req.param('id')))))

  // Enabling again after a 410 is the API's way back: failed messages can then be replayed.
  app.patch('/v1/webhooks/:id', jsonBody(), async (c) => {
    const id = c.req.param('id')
    if (!isPossibleId(id)) throw notFound(id)
    const change = parseBody(c, webhookEndpointChangeSchema, 'webhook endpoint change')
    if (change.url !== undefined) refuseUrl(change.url)
    const changed = await changeEndpoint({ store, id, change })
    if (changed === null) throw notFound(id)
    return c.json(shown(changed))
  })

  // Its pending messages end with it: nothing is tried again towards an endpoint that is gone.
  app.delete('/v1/webhooks/:id', async (c) => {
    const id = c.req.param('id')
    const deleted =
      isPossibleId(id) &&
      (await store.transaction(async (tx) => {
        if (!(await tx.deleteRecord({ kind: 'webhook-endpoint', id }))) return false
        await endDeliveriesToEndpoint(tx, id)
        return true
      }))
    if (!deleted) throw notFound(id)
    return c.body(null, 204)
  })

  app.post('/v1/webhooks/:id/rotate-secret', async (c) => {
    const id = c.req.param('id')
    if (!isPossibleId(id)) throw notFound(id)
    const rotated = await rotateEndpointSecret({ store, id, now: deps.now() })
    if (rotated === null) throw notFound(id)
    return c.json({ ...shown(rotated.endpoint), secret: rotated.secret })
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
  new ApiError(404, 'not_found', `No webhook endpoint with id "${id.slice(0, 100)}": GET /v1/webhooks lists them.`)
