import type { NormalisedEvent } from '../store.js'
import { StoreUnavailableError } from '../store.js'

/** What the writer thread needs to open the file the way the store was configured. */
export interface WriterThreadOptions {
  path: string
  synchronous: 'full' | 'normal'
  /** Used in error messages, e.g. `sqlite:./data/sillage.db`. */
  description: string
}

/** A write the store hands to the writer thread. */
export type WriteJob = { op: 'ingest'; events: readonly NormalisedEvent[] } | { op: 'deleteContact'; contactId: string }

export type ToWriter = ({ id: number } & WriteJob) | { op: 'close' }

export type FromWriter =
  | { kind: 'opened' }
  | { kind: 'openFailed'; error: SentError }
  | { kind: 'settled'; id: number; ok: true; value: unknown }
  | { kind: 'settled'; id: number; ok: false; error: SentError }
  | { kind: 'closed' }

/**
 * An error as it crosses the thread boundary: structured clone keeps only the message
 * of an Error, not its class, so "retry later" (`StoreUnavailableError`, a 503) versus
 * "bug" (a 500) travels as a flag, and the SQLite code for open failures as a field.
 */
export interface SentError {
  message: string
  unavailable: boolean
  code: string | null
}

export function sendError(error: unknown): SentError {
  const code = (error as { code?: unknown } | null)?.code
  return {
    message: error instanceof Error ? error.message : String(error),
    unavailable: error instanceof StoreUnavailableError,
    code: typeof code === 'string' ? code : null,
  }
}

export function receiveError(sent: SentError): Error {
  if (sent.unavailable) return new StoreUnavailableError(sent.message)
  return Object.assign(new Error(sent.message), sent.code === null ? {} : { code: sent.code })
}
