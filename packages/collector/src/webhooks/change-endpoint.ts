import type { WebhookEndpointChange } from '@sillage/protocol'
import { endpointOfRecord, endpointRecord, type StoredEndpoint } from '../automations/records/stored-endpoint.js'
import type { Transactional } from '../transaction/store-transaction.js'

/**
 * Changes the given fields of a stored endpoint, the others kept (its secrets too), and
 * returns it; null when there is no such endpoint. Messages already made go to the new URL
 * and with the new headers from their next attempt on.
 *
 * @example
 * await changeEndpoint({ store, id: 'wh_1', change: { enabled: true } })
 */
export function changeEndpoint(options: {
  store: Transactional
  id: string
  change: WebhookEndpointChange
}): Promise<StoredEndpoint | null> {
  const { store, id, change } = options
  return store.transaction(async (tx) => {
    const [record] = await tx.findRecords({ kind: 'webhook-endpoint', id, limit: 1 })
    if (record === undefined) return null
    const endpoint = endpointOfRecord(record)
    const changed: StoredEndpoint = {
      ...endpoint,
      url: change.url ?? endpoint.url,
      description: change.description === undefined ? endpoint.description : change.description,
      headers: change.headers ?? endpoint.headers,
      enabled: change.enabled ?? endpoint.enabled,
    }
    await tx.saveRecord({ record: endpointRecord(changed) })
    return changed
  })
}
