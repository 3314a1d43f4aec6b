import type { ContactDetail, EventPage, EventType, IdentityStatus, JsonObject } from '@sillage/protocol'

/**
 * An event after validation and normalisation (CONTRACT §3.3), before identity
 * resolution: everything a store needs to persist it, nothing it must compute.
 */
export interface NormalisedEvent {
  /** De-duplication scope: the write key (or `api` for secret-key server calls) it came with. */
  source: string
  messageId: string
  type: EventType
  /** Stored event name: the track event, `page_visited`, `identify`, `alias`, `group`, `screen`. */
  name: string
  anonymousId: string | null
  userId: string | null
  /** Lower-cased, from traits.email, context.traits.email or Brevo identifiers.email_id. */
  email: string | null
  /** `alias` only: the id being merged into `userId`. */
  previousId: string | null
  properties: JsonObject
  /** `properties` as JSON text: serialised once by the normaliser, written as is by stores. */
  propertiesJson: string
  /** `identify` (and Brevo contact_properties): become contact attributes, latest timestamp wins. */
  traits: JsonObject
  context: JsonObject
  /** `context` as JSON text, likewise. */
  contextJson: string
  timestamp: string
  originalTimestamp: string
  sentAt: string | null
  receivedAt: string
  /** `unverified`: claimed a userId/email without a valid user hash; resolved by anonymousId only. */
  identity: IdentityStatus
}

/**
 * A normalised event without its parsed `properties` and `context`: what the SQL stores
 * write (the JSON texts) and what the identity rules read. It is all the SQLite writer
 * thread receives, so the objects are not copied across threads for nothing.
 */
export type SerialisedEvent = Omit<NormalisedEvent, 'properties' | 'context'>

export interface IngestResult {
  /** Events newly stored. */
  accepted: number
  /** Events whose (source, messageId) was already stored: acknowledged, not stored again. */
  duplicates: number
}

export interface EventQuery {
  contactId?: string
  name?: string
  type?: EventType
  /** ISO-8601, inclusive, on `timestamp`. */
  since?: string
  /** ISO-8601, exclusive, on `timestamp`. */
  until?: string
  /** 1–1000. */
  limit: number
  /** Opaque, from a previous page's `nextCursor`. */
  cursor?: string
}

export type ContactLookup = { email: string } | { userId: string } | { anonymousId: string }

/**
 * Where events and contacts live. One contract, several stores (memory, SQLite,
 * PostgreSQL); all of them pass `store-contract.test-suite.ts` unchanged.
 *
 * Every method that writes resolves only after its transaction committed: the
 * collector acknowledges what `ingest` resolved, so a crash after the answer loses nothing.
 * A store that cannot reach its database rejects with `StoreUnavailableError`.
 */
export interface Store {
  /** Printed on start, e.g. `sqlite:./data/sillage.db` (never a password). */
  readonly description: string
  /** Connects and runs pending migrations; safe when several collectors start at once. */
  open(): Promise<void>
  close(): Promise<void>
  /** True when the store answers right now (used by `/healthz`). */
  isHealthy(): Promise<boolean>
  /** Stores the events, de-duplicated and resolved to contacts, in one transaction. */
  ingest(events: readonly NormalisedEvent[]): Promise<IngestResult>
  /**
   * Which of these messageIds of `source` a new `ingest` would acknowledge as duplicates
   * (stored, or erased since): lets a browser learn that a request whose answer it never
   * saw (sent while its page unloaded) was committed, without sending the events again.
   */
  knownMessageIds(source: string, messageIds: readonly string[]): Promise<string[]>
  /** Newest first, by `timestamp` then insertion order. */
  listEvents(query: EventQuery): Promise<EventPage>
  findContacts(lookup: ContactLookup): Promise<ContactDetail[]>
  /** Also answers for the id of a contact merged away: it returns the survivor. */
  getContact(id: string): Promise<ContactDetail | null>
  /** Erases the contact, its identities, summaries and events. False when unknown. */
  deleteContact(id: string): Promise<boolean>
}

/** The store's database cannot be reached; the collector answers 503 with `Retry-After`. */
export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError'
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
  }
}

/** `EventQuery.cursor` was not produced by this store (tampered or from another version): answer 400. */
export class InvalidCursorError extends Error {
  override readonly name = 'InvalidCursorError'
  constructor(cursor: string) {
    super(`Invalid cursor "${cursor.slice(0, 40)}": pass the nextCursor of a previous page unchanged, or omit it`)
  }
}
