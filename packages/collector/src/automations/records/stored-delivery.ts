import type { JsonObject } from '@sillage/protocol'
import type { DeliveryState } from '../../webhooks/delivery-state.js'
import type { AutomationRecord } from './automation-record.js'

/** One webhook message and where its delivery stands. */
export interface StoredDelivery extends DeliveryState {
  id: string
  /** The `webhook-id` of every attempt. */
  webhookId: string
  endpointId: string
  automationId: string | null
  runId: string | null
  /** The contact whose run made it: its messages go when the contact is erased. */
  contactId: string | null
  /** The exact JSON text posted (and signed) on every attempt. */
  body: string
  createdAt: string
}

/**
 * The record that keeps a message; it is due at its next attempt.
 *
 * @example
 * await tx.saveRecord({ record: deliveryRecord(delivery), onlyIfNew: true })
 */
export function deliveryRecord(delivery: StoredDelivery): AutomationRecord {
  const { id, endpointId, automationId, contactId, status, webhookId, nextAttemptAt, createdAt, ...rest } = delivery
  return {
    kind: 'delivery',
    id,
    automationId,
    endpointId,
    contactId,
    status,
    uniqueKey: webhookId,
    dueAt: nextAttemptAt,
    createdAt,
    body: { ...rest, nextAttemptAt } as unknown as JsonObject,
  }
}

/**
 * The message a record keeps.
 *
 * @example
 * const delivery = deliveryOfRecord(record)
 */
export function deliveryOfRecord(record: AutomationRecord): StoredDelivery {
  type Body = Omit<StoredDelivery, 'id' | 'endpointId' | 'automationId' | 'contactId' | 'status' | 'webhookId'>
  const body = record.body as unknown as Body
  return {
    ...body,
    contactId: record.contactId,
    id: record.id,
    endpointId: record.endpointId!,
    automationId: record.automationId,
    status: record.status as StoredDelivery['status'],
    webhookId: record.uniqueKey!,
    createdAt: record.createdAt,
  }
}

/** A message as the API and a contact's export show it: where it went and each attempt, not its secrets. */
export function shownDelivery(delivery: StoredDelivery) {
  return {
    id: delivery.id,
    webhookId: delivery.webhookId,
    endpoint: delivery.endpointId,
    automation: delivery.automationId,
    status: delivery.status,
    attempts: delivery.attempts,
    nextAttemptAt: delivery.nextAttemptAt,
  }
}
