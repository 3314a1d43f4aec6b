import { type NormalisedEvent, type SerialisedEvent, StoreUnavailableError } from '../store.js'

/** What the writer thread is started with (its `workerData`). */
export interface WriterThreadOptions {
  path: string
  synchronous: 'full' | 'normal'
  /** The store's description, for error messages written on the thread. */
  description: string
}

/** Store → writer thread. `close` finishes what was queued, then closes the connection. */
export type WriterRequest =
  | { kind: 'ingest'; id: number; events: SerialisedEvent[] }
  | { kind: 'deleteContact'; id: number; contactId: string }
  | { kind: 'close' }

/**
 * Writer thread → store: one reply per request id. Id 0 answers the thread's start (the
 * file opened and migrated, or why not).
 */
export type WriterReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: WriteFailure }

/** An error as it crosses the thread boundary: class instances do not survive the copy. */
export interface WriteFailure {
  message: string
  /** SQLite's or the OS's code (`SQLITE_BUSY`, `EACCES`…), when it had one. */
  code: string | null
  /** A `StoreUnavailableError` on the thread: the client may retry later (503). */
  unavailable: boolean
  stack: string | null
}

export function describeFailure(error: unknown): WriteFailure {
  const code = (error as { code?: unknown } | null)?.code
  return {
    message: error instanceof Error ? error.message : String(error),
    code: typeof code === 'string' ? code : null,
    unavailable: error instanceof StoreUnavailableError,
    stack: error instanceof Error ? (error.stack ?? null) : null,
  }
}

/** The error again, on the store's side: a `StoreUnavailableError` stays one. */
export function reviveFailure(failure: WriteFailure): Error {
  const error = failure.unavailable ? new StoreUnavailableError(failure.message) : new Error(failure.message)
  if (failure.stack !== null) error.stack = failure.stack
  return Object.assign(error, failure.code === null ? {} : { code: failure.code })
}

/**
 * The fields the writer thread needs, picked one by one: the parsed properties and
 * context would be deep-copied to the thread only to be ignored there.
 */
export function serialisedEvent(event: NormalisedEvent): SerialisedEvent {
  return {
    source: event.source,
    messageId: event.messageId,
    type: event.type,
    name: event.name,
    anonymousId: event.anonymousId,
    userId: event.userId,
    email: event.email,
    previousId: event.previousId,
    propertiesJson: event.propertiesJson,
    traits: event.traits,
    contextJson: event.contextJson,
    timestamp: event.timestamp,
    originalTimestamp: event.originalTimestamp,
    sentAt: event.sentAt,
    receivedAt: event.receivedAt,
    identity: event.identity,
  }
}
