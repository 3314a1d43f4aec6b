/**
 * Wire types without a runtime: the tracker imports these (never zod), the collector's
 * read API answers with them. Kept by hand next to the schemas; `schemas.test.ts`
 * checks they agree.
 */

export type EventType = 'track' | 'page' | 'identify' | 'alias' | 'group' | 'screen'

export type JsonObject = Record<string, unknown>

/** One event as the tracker (or any client) sends it in a batch. */
export interface WireEvent {
  type: EventType
  messageId: string
  anonymousId?: string
  userId?: string
  /** `track` only. */
  event?: string
  /** `page` / `screen` only. */
  name?: string
  properties?: JsonObject
  traits?: JsonObject
  context?: JsonObject
  /** Device time when the event happened (ISO-8601). */
  timestamp: string
  /** `alias` only. */
  previousId?: string
}

/** Body of `POST /v1/batch`. */
export interface WireBatch {
  batch: WireEvent[]
  /** Device time when the batch left (ISO-8601); the collector's skew correction uses it. */
  sentAt: string
  context?: JsonObject
  writeKey?: string
}

export interface RejectedEvent {
  index: number
  messageId: string | null
  errors: string[]
}

/** 200 answer of the ingestion routes. */
export interface BatchResponse {
  /** Events stored by this request. */
  accepted: number
  /** Events already stored by an earlier request (same source and messageId): acknowledged, not stored twice. */
  duplicates: number
  rejected: RejectedEvent[]
}

/** Every non-2xx answer of the collector. */
export interface ErrorResponse {
  error: {
    code: string
    message: string
    issues?: unknown[]
  }
}

export type IdentityStatus = 'anonymous' | 'identified' | 'unverified'

/** An event as the collector stored it (docs/api.md, what is stored). */
export interface StoredEvent {
  messageId: string
  type: EventType
  name: string
  contactId: string
  anonymousId: string | null
  userId: string | null
  email: string | null
  properties: JsonObject
  context: JsonObject
  timestamp: string
  originalTimestamp: string
  sentAt: string | null
  receivedAt: string
  identity: IdentityStatus
}

export interface EventPage {
  events: StoredEvent[]
  /** Pass as `cursor` to get the next (older) page; null on the last page. */
  nextCursor: string | null
}

/** Per contact and event name: Intercom-style event summary. */
export interface EventSummary {
  name: string
  count: number
  first: string
  last: string
}

export interface Contact {
  id: string
  userId: string | null
  email: string | null
  anonymousIds: string[]
  attributes: JsonObject
  createdAt: string
  updatedAt: string
  /** Ids of contacts merged into this one; they keep resolving here. */
  mergedFrom: string[]
}

export interface ContactDetail extends Contact {
  summaries: EventSummary[]
}
