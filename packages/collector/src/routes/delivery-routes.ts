import { Hono } from 'hono'
import { deliveryOfRecord, shownDelivery as shown } from '../automations/records/stored-delivery.js'
import type { CollectorEnv } from '../collector-env.js'
import { ApiError } from '../errors/api-error.js'
import { secretKeyAuth } from '../middleware/auth/index.js'
import { replayStoredDelivery } from '../webhooks/replay-stored-delivery.js'
import { deliveryQuerySchema } from './automation-schemas.js'
import { isPossibleId, parseQuery } from './parse-request.js'
import { recordPage, recordPageRequest } from './record-page.js'
import type { RouteDeps } from './route-deps.js'

/**
 * Webhook messages: `GET /v1/deliveries?status&endpoint&automation` and
 * `POST /v1/deliveries/:id/replay` (202: due again at once, with a fresh schedule and
 * the same `webhook-id`). `onReplay` wakes the delivery worker.
 *
 * @example
 * app.route('/', deliveryRoutes({ ...deps, onReplay: () => deliveries.poke() }))
 */
export function deliveryRoutes(
  deps: Pick<RouteDeps, 'store' | 'secretKey' | 'now'> & { onReplay?: () => void },
): Hono<CollectorEnv> {
  const { store } = deps
  const app = new Hono<CollectorEnv>()
  app.use('/v1/deliveries', secretKeyAuth(deps))
  app.use('/v1/deliveries/*', secretKeyAuth(deps))

  app.get('/v1/deliveries', async (c) => {
    const { status, endpoint, automation, limit, cursor } = parseQuery(c, deliveryQuerySchema)
    const found = await store.transaction((tx) =>
      tx.findRecords({
        kind: 'delivery',
        ...(status ? { status } : {}),
        ...(endpoint ? { endpointId: endpoint } : {}),
        ...(automation ? { automationId: automation } : {}),
        ...recordPageRequest({ limit, cursor }),
      }),
    )
    const { records, nextCursor } = recordPage(found, limit)
    return c.json({ deliveries: records.map((record) => shown(deliveryOfRecord(record))), nextCursor })
  })

  app.post('/v1/deliveries/:id/replay', async (c) => {
    const id = c.req.param('id')
    const replayed = isPossibleId(id) ? await replayStoredDelivery({ store, id, now: deps.now() }) : null
    if (replayed === null) {
      throw new ApiError(404, 'not_found', `No delivery with id "${id.slice(0, 100)}": GET /v1/deliveries lists them.`)
    }
    if ('deletedEndpoint' in replayed) {
      const message = `Delivery ${id} was for endpoint ${replayed.deletedEndpoint}, which was deleted: it cannot be sent again.`
      throw new ApiError(409, 'endpoint_deleted', message)
    }
    deps.onReplay?.()
    return c.json(shown(replayed), 202)
  })
  return app
}
