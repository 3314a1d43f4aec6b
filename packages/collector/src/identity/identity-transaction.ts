import type { JsonObject } from '@sillage/protocol'
import type { NormalisedEvent, SerialisedEvent } from '../stores/store.js'

/** The two identifiers a contact holds at most once each; anonymousIds are many. */
export type ClaimKind = 'userId' | 'email'

export type IdentifierKind = ClaimKind | 'anonymousId'

/** What the identity rules need to know about a contact to decide on a merge. */
export interface ContactKeys {
  id: string
  userId: string | null
  email: string | null
}

/** An event to store and the contact the rules filed it under. */
export interface EventToStore<E extends SerialisedEvent = NormalisedEvent> {
  event: E
  contactId: string
}

/** Occurrences of one event name on one contact, to add to its summary. */
export interface SummaryBump {
  contactId: string
  name: string
  count: number
  first: string
  last: string
}

/**
 * The small set of operations the identity rules run on, inside ONE store transaction.
 * Each store implements it with its own SQL or maps; `ingestEvents` (the rules) is
 * written once on top of it. Every method sees the writes made earlier in the same
 * transaction, and nothing of it is visible to readers before the store commits.
 *
 * The rules guarantee the preconditions noted on each method, so a store only has to
 * carry them out faithfully — it never decides anything about identity. `E` is the event
 * as the store receives it: the SQL stores need only its JSON texts (`SerialisedEvent`).
 */
export interface IdentityTransaction<E extends SerialisedEvent = NormalisedEvent> {
  /**
   * Which of these messageIds were ever stored for `source`, including events since
   * erased. One call per batch, so a store can answer with one query.
   */
  storedMessageIds(source: string, messageIds: readonly string[]): Promise<ReadonlySet<string>>

  /** The contact currently holding this identifier, or null. */
  findContact(kind: IdentifierKind, value: string): Promise<ContactKeys | null>

  /** A new contact without identifiers. `at` becomes its createdAt and updatedAt. */
  createContact(at: string): Promise<ContactKeys>

  /**
   * Gives the contact this identifier. For userId/email it replaces the contact's
   * previous value (precondition: no other contact holds `value`); for anonymousId it
   * moves the id from whichever contact held it (shared computer: history stays there).
   */
  attachIdentifier(contactId: string, kind: IdentifierKind, value: string, at: string): Promise<void>

  /**
   * Moves everything of `fromId` into `intoId` and deletes `fromId`: events, anonymousIds,
   * the userId/email `intoId` lacks, summaries (count adds, first = min, last = max),
   * attributes (latest timestamp wins per key). Records the merge so `fromId`, and every
   * id merged into it before, resolves to `intoId` from now on.
   * Precondition: the two contacts do not hold different userIds or different emails.
   */
  mergeContacts(fromId: string, intoId: string, at: string): Promise<void>

  /**
   * Stores the events, in this order (their insertion order is part of the event log's).
   * Preconditions: none of them was stored before, and their contacts exist.
   */
  insertEvents(events: readonly EventToStore<E>[]): Promise<void>

  /**
   * count += bump.count, first = min(first, bump.first), last = max(last, bump.last) per
   * (contact, name). Precondition: at most one bump per (contact, name) in one call.
   */
  bumpSummaries(bumps: readonly SummaryBump[]): Promise<void>

  /** Per key, keeps the value whose timestamp is the latest (ties: the one written last). */
  setAttributes(contactId: string, attributes: JsonObject, timestamp: string): Promise<void>
}

/** The part of a transaction the contact rules (resolve, claim, link, merge) work with. */
export type ContactOperations = Pick<IdentityTransaction, 'findContact' | 'createContact' | 'attachIdentifier' | 'mergeContacts'>
