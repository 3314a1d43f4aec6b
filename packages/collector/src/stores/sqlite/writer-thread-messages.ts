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
  | { kind: 'ingest'; id: number; events: PackedEvents }
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

/** Events as they cross to the writer thread: each event's fields in a row, see `packEvents`. */
export type PackedEvents = ReadonlyArray<string | null | SerialisedEvent['traits']>

/** How many values `packEvents` writes per event. */
const FIELDS = 16

/**
 * The fields the writer thread needs, one flat array for the whole request: the parsed
 * properties and context stay behind (the thread stores their JSON texts), and the copy
 * to the thread reads no property names and builds no objects (a structured clone of
 * flat values is much cheaper than of as many objects).
 */
export function packEvents(events: readonly NormalisedEvent[]): PackedEvents {
  const values: PackedEvents[number][] = []
  for (const event of events) {
    values.push(
      event.source, event.messageId, event.type, event.name, event.anonymousId, event.userId, event.email, event.previousId,
      event.propertiesJson, event.traits, event.contextJson, event.timestamp, event.originalTimestamp, event.sentAt,
      event.receivedAt, event.identity,
    )
  }
  return values
}

/** `packEvents`, undone on the writer thread. */
export function unpackEvents(values: PackedEvents): SerialisedEvent[] {
  const text = (at: number) => values[at] as string
  const nullable = (at: number) => values[at] as string | null
  const events: SerialisedEvent[] = []
  for (let at = 0; at < values.length; at += FIELDS) {
    events.push({
      source: text(at),
      messageId: text(at + 1),
      type: text(at + 2) as SerialisedEvent['type'],
      name: text(at + 3),
      anonymousId: nullable(at + 4),
      userId: nullable(at + 5),
      email: nullable(at + 6),
      previousId: nullable(at + 7),
      propertiesJson: text(at + 8),
      traits: values[at + 9] as SerialisedEvent['traits'],
      contextJson: text(at + 10),
      timestamp: text(at + 11),
      originalTimestamp: text(at + 12),
      sentAt: nullable(at + 13),
      receivedAt: text(at + 14),
      identity: text(at + 15) as SerialisedEvent['identity'],
    })
  }
  return events
}
