import type { AutomationBody, JsonObject } from '@sillage/protocol'
import type { AutomationRecord } from './automation-record.js'

/** An automation as kept and shown: its definition with its id and times. */
export type StoredAutomation = AutomationBody & { id: string; createdAt: string; updatedAt: string }

/**
 * The record that keeps an automation.
 *
 * @example
 * await tx.saveRecord({ record: automationRecord(automation) })
 */
export function automationRecord(automation: StoredAutomation): AutomationRecord {
  const { id, createdAt, ...rest } = automation
  return {
    kind: 'automation',
    id,
    automationId: id,
    endpointId: null,
    contactId: null,
    status: automation.enabled ? 'enabled' : 'disabled',
    uniqueKey: null,
    dueAt: null,
    createdAt,
    body: rest as unknown as JsonObject,
  }
}

/**
 * The automation a record keeps.
 *
 * @example
 * const automations = records.map(automationOfRecord)
 */
export function automationOfRecord(record: AutomationRecord): StoredAutomation {
  return {
    ...(record.body as unknown as Omit<StoredAutomation, 'id' | 'createdAt'>),
    id: record.id,
    createdAt: record.createdAt,
  }
}
