import { deliveryOfRecord, deliveryRecord, type StoredDelivery } from '../automations/records/stored-delivery.js'
import type { Store } from '../stores/store.js'
import { replayDelivery } from './delivery-state.js'

/** A message whose endpoint was deleted: it cannot be sent again. */
export interface EndpointDeleted {
  deletedEndpoint: string
}

/**
 * Makes a stored message due again at once, with a fresh schedule and the same
 * `webhook-id`; null when there is no such message, `{ deletedEndpoint }` when its endpoint
 * is gone. Wake the delivery worker afterwards.
 *
 * @example
 * const replayed = await replayStoredDelivery({ store, id: 'dl_1', now: new Date() })
 */
export async function replayStoredDelivery(options: {
  store: Store
  id: string
  now: Date
}): Promise<StoredDelivery | EndpointDeleted | null> {
  const { store, id, now } = options
  return store.transaction(async (tx) => {
    const [record] = await tx.findRecords({ kind: 'delivery', id, limit: 1 })
    if (record === undefined) return null
    const delivery = deliveryOfRecord(record)
    const [endpoint] = await tx.findRecords({ kind: 'webhook-endpoint', id: delivery.endpointId, limit: 1 })
    if (endpoint === undefined) return { deletedEndpoint: delivery.endpointId }
    const next = { ...delivery, ...replayDelivery(delivery, now) }
    await tx.saveRecord({ record: deliveryRecord(next) })
    return next
  })
}
