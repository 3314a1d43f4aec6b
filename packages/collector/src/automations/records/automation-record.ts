import type { JsonObject } from '@sillage/protocol'

/** What an automation record holds: definitions, their runs, the runs' timers and webhook messages. */
export type AutomationRecordKind = 'automation' | 'webhook-endpoint' | 'run' | 'timer' | 'delivery'

/**
 * One stored automation record. The columns are what records are found and scheduled by;
 * everything else is in `body`, which the automation code alone understands. `dueAt` is
 * when the record wants attention (a timer's firing, a message's next attempt): records are
 * taken in due order through an index, and leasing one moves its `dueAt` to the lease's end,
 * so a record whose worker died comes due again by itself.
 */
export interface AutomationRecord {
  kind: AutomationRecordKind
  id: string
  automationId: string | null
  endpointId: string | null
  contactId: string | null
  status: string | null
  /** At most one record of a kind per key (a run per trigger change, e.g.). */
  uniqueKey: string | null
  /** ISO-8601, or null when nothing is due. */
  dueAt: string | null
  /** ISO-8601. */
  createdAt: string
  body: JsonObject
}

/** Which records `findRecords` returns: the kind, and any of the columns to match exactly. */
export interface AutomationRecordQuery {
  kind: AutomationRecordKind
  id?: string
  automationId?: string
  endpointId?: string
  contactId?: string
  status?: string
  /** Only the records listed after this one (the last of a page): the next page. */
  after?: RecordPosition
  /** 1–1000, newest first (by `createdAt`, then `id`). */
  limit: number
}

/** Which records `findContactRecords` returns: those of a kind held by any of these contacts. */
export interface ContactRecordsQuery {
  kind: AutomationRecordKind
  contactIds: readonly string[]
  status?: string
  /** Only the records of these automations. */
  automationIds?: readonly string[]
  /** 1–1000 per contact, newest first (by `createdAt`, then `id`). */
  limit: number
}

/** Where a record sits in the newest-first order of `findRecords`. */
export interface RecordPosition {
  /** ISO-8601. */
  createdAt: string
  id: string
}

/** Takes due records of a kind: due at `now` or before, at most `limit`, leased until `leaseUntil`. */
export interface AutomationLease {
  kind: AutomationRecordKind
  now: string
  leaseUntil: string
  limit: number
}
