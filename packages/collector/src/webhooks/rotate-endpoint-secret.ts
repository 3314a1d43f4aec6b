import { endpointOfRecord, endpointRecord, type StoredEndpoint } from '../automations/records/stored-endpoint.js'
import type { Store } from '../stores/store.js'
import { rotateSigningSecrets } from './signing-secrets.js'

/**
 * Gives a stored endpoint a new signing secret (the old one keeps signing for 24 h) and
 * returns it, to be shown this once; null when there is no such endpoint.
 *
 * @example
 * const rotated = await rotateEndpointSecret({ store, id: 'wh_1', now: new Date() })
 */
export async function rotateEndpointSecret(options: {
  store: Store
  id: string
  now: Date
}): Promise<{ endpoint: StoredEndpoint; secret: string } | null> {
  const { store, id, now } = options
  return store.transaction(async (tx) => {
    const [record] = await tx.findRecords({ kind: 'webhook-endpoint', id, limit: 1 })
    if (record === undefined) return null
    const endpoint = endpointOfRecord(record)
    const { secret, secrets } = rotateSigningSecrets(endpoint.secrets, now)
    const rotated = { ...endpoint, secrets }
    await tx.saveRecord({ record: endpointRecord(rotated) })
    return { endpoint: rotated, secret }
  })
}
