import type { StoreTransaction } from '../../transaction/store-transaction.js'
import { endedByDeletedEndpoint } from '../../webhooks/delivery-state.js'
import { deliveryOfRecord, deliveryRecord } from '../records/stored-delivery.js'

/** Messages ended per read: the store answers at most this many at once. */
const PAGE = 1000

/**
 * Ends every pending message to an endpoint that is being deleted, in the deleting
 * transaction: they show as `endpoint-deleted` and are never tried again. (A message in
 * flight while this commits meets the missing endpoint at its next attempt and ends then.)
 * Resolves with how many were ended.
 *
 * @example
 * await store.transaction(async (tx) => {
 *   if (await tx.deleteRecord({ kind: 'webhook-endpoint', id })) await endDeliveriesToEndpoint(tx, id)
 * })
 */
export async function endDeliveriesToEndpoint(tx: StoreTransaction, endpointId: string): Promise<number> {
  let ended = 0
  for (;;) {
    // Each page saved leaves the pending ones: the next read finds those not ended yet.
    const pending = await tx.findRecords({ kind: 'delivery', endpointId, status: 'pending', limit: PAGE })
    for (const record of pending) {
      const delivery = deliveryOfRecord(record)
      await tx.saveRecord({ record: deliveryRecord({ ...delivery, ...endedByDeletedEndpoint(delivery) }) })
    }
    ended += pending.length
    if (pending.length < PAGE) return ended
  }
}
