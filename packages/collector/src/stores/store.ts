import type { ContactDetail, EventPage, EventType } from '@sillage/protocol'
import type { ContactCounts } from '../contacts/contact-counts.js'
import type { ContactListPage, ContactListQuery } from '../contacts/contact-list.js'
import type { Change, ChangePage, ChangeQuery } from '../events/change.js'
import type { Transactional } from '../transaction/store-transaction.js'

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
 * Where events, contacts and the change feed live. One contract, two SQL stores (SQLite,
 * PostgreSQL; `memory:` is SQLite on a temporary file); all of them pass
 * `store-contract.test-suite.ts` unchanged.
 *
 * Every write goes through `transaction(work)`: the domain (`ingest/`, `contacts/`,
 * `feed/`) runs its operations on the transaction, and the promise resolves only after
 * COMMIT, so a crash after the answer loses nothing. A store that cannot reach its
 * database rejects with `StoreUnavailableError`.
 */
export interface Store extends Transactional {
  /** Printed on start, e.g. `sqlite:./data/sillage.db` (never a password). */
  readonly description: string
  /** Connects and runs pending migrations; safe when several collectors start at once. */
  open(): Promise<void>
  close(): Promise<void>
  /** True when the store answers right now (used by `/healthz`). */
  isHealthy(): Promise<boolean>
  /** Newest first, by `timestamp` then insertion order. */
  listEvents(query: EventQuery): Promise<EventPage>
  findContacts(lookup: ContactLookup): Promise<ContactDetail[]>
  /** Also answers for the id of a contact merged away: it returns the survivor. */
  getContact(id: string): Promise<ContactDetail | null>
  /**
   * The change feed after a cursor, oldest first, committed changes only. Never returns a
   * change behind a cursor it handed out before, even when several collectors write.
   */
  readChanges(query: ChangeQuery): Promise<ChangePage>
  /**
   * A cursor after every change committed so far (null for an empty feed): reading on from
   * it gives what commits later, and may repeat a few changes committed just before.
   */
  latestChangeCursor(): Promise<string | null>
  /**
   * A contact's latest feed entries, newest first, recorded under any of `contactIds` (an
   * entry keeps the contact id of its moment: pass the ids merged into the contact too).
   */
  recentContactChanges(query: { contactIds: string[]; limit: number }): Promise<Change[]>
  /** Every contact counted, identified (a userId or an email) or anonymous. */
  countContacts(): Promise<ContactCounts>
  /** Every contact, newest activity (last event, else creation) first, with its summaries' totals. */
  listContacts(query: ContactListQuery): Promise<ContactListPage>
  /**
   * Calls `listener` after each commit that may have appended changes: this process's,
   * and on PostgreSQL other collectors' too. Returns the function that unsubscribes.
   */
  onChanges(listener: () => void): () => void
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
