import { deliveryOfRecord, deliveryRecord, type StoredDelivery } from '../automations/records/stored-delivery.js'
import type { Store } from '../stores/store.js'
import { replayDelivery } from './delivery-state.js'

/**
 * Makes a stored message due again at once, with a fresh schedule and the same
 * `webhook-id`; null when there is no such message. Wake the delivery worker afterwards.
 *
 * @example
 * const replayed = await replayStoredDelivery({ store, id: 'dl_1', now: new Date() })
 */
export async function replayStoredDelivery(options: {
  store: Store
  id: string
  now: Date
}): Promise<StoredDelivery | null> {
  const { store, id, now } = options
  return store.transaction(async (tx) => {
    const [record] = await tx.findRecords({ kind: 'delivery', id, limit: 1 })
    if (record === undefined) return null
    const delivery = deliveryOfRecord(record)
    const next = { ...delivery, ...replayDelivery(delivery, now) }
    await tx.saveRecord({ record: deliveryRecord(next) })
    return next
  })
}
