import type { StoreTransaction, Transactional } from '../../transaction/store-transaction.js'
import { endedByDeletedEndpoint, recordAttempt } from '../../webhooks/delivery-state.js'
import { EndpointBusyError, type EndpointLimiter } from '../../webhooks/endpoint-limiter.js'
import { sendWebhook, WEBHOOK_TIMEOUT_MS } from '../../webhooks/send-webhook.js'
import { signingSecretsAt } from '../../webhooks/signing-secrets.js'
import type { WebhookAttempt } from '../../webhooks/webhook-attempt.js'
import { endpointOfRecord, endpointRecord, type StoredEndpoint } from '../records/stored-endpoint.js'
import { deliveryOfRecord, deliveryRecord, type StoredDelivery } from '../records/stored-delivery.js'
import { OutcomeRecorder } from './outcome-recorder.js'

/** Time left, after an attempt's longest wait for its receiver, to record its outcome. */
const RECORDING_MARGIN_MS = 5000

/**
 * A leased message is given back this long after it was taken: long enough for an attempt
 * that starts a little late (its endpoint's lane busy) to end and be recorded, short enough
 * that a message a dead collector held is sent again soon.
 */
export const DELIVERY_LEASE_MS = WEBHOOK_TIMEOUT_MS + RECORDING_MARGIN_MS + 10_000

export interface DeliverDueOptions {
  store: Transactional
  limiter: EndpointLimiter
  now: () => Date
  /** `--webhook-allow-private`: receivers on private and loopback addresses are allowed. */
  allowPrivate: boolean
  /** Messages taken per round. Default 50. */
  batchSize?: number
  random?: () => number
}

/**
 * Sends every message due now, each endpoint through its own lane of the limiter, and
 * records each attempt: delivered, due again on the retry schedule, or failed (kept, and
 * replayable). A 410 disables the endpoint. Messages are leased first, so two collectors
 * never send the same attempt, and a collector that dies mid-send gives its messages back
 * when the lease runs out: at least once, always with the same `webhook-id`.
 * Resolves with the number of messages taken.
 *
 * @example
 * await deliverDueMessages({ store, limiter, now: () => new Date(), allowPrivate: false })
 */
export async function deliverDueMessages(options: DeliverDueOptions): Promise<number> {
  const { store, now, batchSize = 50 } = options
  const takenAt = now()
  const { deliveries, endpoints } = await store.transaction(async (tx) => {
    const leased = await tx.leaseDueRecords({
      kind: 'delivery',
      now: takenAt.toISOString(),
      leaseUntil: new Date(takenAt.getTime() + DELIVERY_LEASE_MS).toISOString(),
      limit: batchSize,
    })
    const deliveries = leased.map(deliveryOfRecord)
    return { deliveries, endpoints: await endpointsOf(tx, deliveries) }
  })
  const recorder = new OutcomeRecorder(store)
  // An attempt starting later could outlive the lease, and another collector would send the
  // message again meanwhile: one still waiting for its lane then is left for the lease to give back.
  const startBy = takenAt.getTime() + DELIVERY_LEASE_MS - WEBHOOK_TIMEOUT_MS - RECORDING_MARGIN_MS
  await Promise.all(
    deliveries.map((delivery) => deliverOne(options, recorder, delivery, endpoints.get(delivery.endpointId)!, startBy)),
  )
  return deliveries.length
}

/** The endpoints a round's messages go to, read once for the round; null for one deleted. */
async function endpointsOf(
  tx: StoreTransaction,
  deliveries: StoredDelivery[],
): Promise<Map<string, StoredEndpoint | null>> {
  const endpoints = new Map<string, StoredEndpoint | null>()
  for (const { endpointId } of deliveries) {
    if (endpoints.has(endpointId)) continue
    const [record] = await tx.findRecords({ kind: 'webhook-endpoint', id: endpointId, limit: 1 })
    endpoints.set(endpointId, record === undefined ? null : endpointOfRecord(record))
  }
  return endpoints
}

async function deliverOne(
  options: DeliverDueOptions,
  recorder: OutcomeRecorder,
  delivery: StoredDelivery,
  endpoint: StoredEndpoint | null,
  startBy: number,
): Promise<void> {
  const { limiter, now, allowPrivate, random } = options
  if (endpoint === null) {
    // Deleted while this message was on its way: it ends as the deletion ended the others.
    const ended = { ...delivery, ...endedByDeletedEndpoint(delivery) }
    await recorder.save([deliveryRecord(ended)])
    return
  }
  let started: { at: Date; attempt: WebhookAttempt } | null
  try {
    started = await limiter.run(delivery.endpointId, async () => {
      const at = now()
      return at.getTime() > startBy ? null : { at, attempt: await attemptTo(endpoint, delivery, { now, allowPrivate }) }
    })
  } catch (error) {
    // Too many already waiting for this endpoint: the lease runs out and the message comes again.
    if (error instanceof EndpointBusyError) return
    throw error
  }
  if (started === null) return
  const { at, attempt } = started
  const { delivery: next, disableEndpoint } = recordAttempt({ delivery, attempt, at, random })
  const attempted = deliveryRecord({ ...delivery, ...next })
  await recorder.save(disableEndpoint ? [attempted, endpointRecord({ ...endpoint, enabled: false })] : [attempted])
}

function attemptTo(
  endpoint: StoredEndpoint,
  delivery: StoredDelivery,
  { now, allowPrivate }: { now: () => Date; allowPrivate: boolean },
): Promise<WebhookAttempt> {
  const refused = (error: string): Promise<WebhookAttempt> =>
    Promise.resolve({ outcome: 'failed', status: null, error, retryAfterMs: null, durationMs: 0 })
  if (!endpoint.enabled) {
    const why = `endpoint ${endpoint.id} is disabled (its receiver answered 410, or it was disabled in the console)`
    return refused(`${why}: enable it in the console, then replay`)
  }
  return sendWebhook({
    url: endpoint.url,
    headers: endpoint.headers,
    messageId: delivery.webhookId,
    body: delivery.body,
    secrets: signingSecretsAt(endpoint.secrets, now()),
    allowPrivate,
    now,
  })
}
