import type { JsonObject } from '@sillage/protocol'
import type { SigningSecret } from '../../webhooks/signing-secrets.js'
import type { AutomationRecord } from './automation-record.js'

/** A webhook endpoint as kept: its headers and secrets are sent with deliveries, never read back. */
export interface StoredEndpoint {
  id: string
  url: string
  description: string | null
  headers: Record<string, string>
  secrets: SigningSecret[]
  enabled: boolean
  createdAt: string
}

/**
 * The record that keeps an endpoint.
 *
 * @example
 * await tx.saveRecord({ record: endpointRecord(endpoint) })
 */
export function endpointRecord(endpoint: StoredEndpoint): AutomationRecord {
  const { id, createdAt, enabled, ...rest } = endpoint
  return {
    kind: 'webhook-endpoint',
    id,
    automationId: null,
    endpointId: id,
    contactId: null,
    status: enabled ? 'enabled' : 'disabled',
    uniqueKey: null,
    dueAt: null,
    createdAt,
    body: rest as unknown as JsonObject,
  }
}

/**
 * The endpoint a record keeps.
 *
 * @example
 * const endpoint = endpointOfRecord(record)
 */
export function endpointOfRecord(record: AutomationRecord): StoredEndpoint {
  const body = record.body as unknown as Omit<StoredEndpoint, 'id' | 'createdAt' | 'enabled'>
  return { ...body, id: record.id, createdAt: record.createdAt, enabled: record.status === 'enabled' }
}
