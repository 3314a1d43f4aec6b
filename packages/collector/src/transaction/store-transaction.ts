import type { ContactDetail, JsonObject } from '@sillage/protocol'
import type { ChangePage, ChangeQuery, NewChange } from '../events/change.js'
import type { NormalisedEvent } from '../events/normalised-event.js'
import type {
  AutomationLease,
  AutomationRecord,
  AutomationRecordKind,
  AutomationRecordQuery,
  ContactRecordsQuery,
} from '../automations/records/automation-record.js'
import type { ContactKeys, IdentifierKind } from '../identity/contact-operations.js'
import type { ContactHistory } from '../privacy/contact-history.js'
import type { StoredMembershipInput } from '../segments/membership-input.js'
import type {
  MatchResult,
  MatchScope,
  Membership,
  MembershipWrite,
  NextChange,
  SegmentCheck,
} from '../segments/stored-segment.js'
import type { SegmentCheckWrite } from '../segments/stored-segment.js'
import type { SegmentMember, StoredSegment } from '../segments/stored-segment.js'
import type { SegmentCondition } from '@sillage/protocol'

/** An event to store and the contact the rules filed it under. */
export interface EventToStore {
  event: NormalisedEvent
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
 * Every data operation, inside ONE store transaction: the only way anything writes. Each
 * SQL store implements it with one file per operation (`stores/<dialect>/operations/`),
 * SQL only: the domain (`ingest/`, `identity/`, `feed/`, `contacts/`) decides, the store
 * carries out. Every method sees the writes made earlier in the same transaction; nothing
 * of it is visible to readers before the store commits, and nothing of it stays if the
 * transaction fails. The preconditions noted on a method are the caller's to keep.
 */
export interface StoreTransaction {
  /** Which of these messageIds were ever stored for `source`, including events since erased. */
  storedMessageIds(args: { source: string; messageIds: readonly string[] }): Promise<ReadonlySet<string>>
  /** The contact holding this identifier, or null. On PostgreSQL it stays locked until commit. */
  findContact(args: { kind: IdentifierKind; value: string }): Promise<ContactKeys | null>
  /** A new contact without identifiers; `at` is its createdAt and updatedAt. */
  createContact(args: { id: string; at: string }): Promise<void>
  /**
   * userId/email: replaces the contact's previous value (precondition: nobody else holds
   * `value`); anonymousId: moves the id from whichever contact held it.
   */
  attachIdentifier(args: { contactId: string; kind: IdentifierKind; value: string; at: string }): Promise<void>
  /**
   * Moves everything of `from` into `into` and deletes `from`: events, anonymousIds, the
   * userId/email `into` lacks, summaries (counts add, first = min, last = max), attributes
   * (latest timestamp wins per key). Records the merge, so `from`, and every id merged into
   * it before, resolves to `into`. Precondition: no different userIds or emails.
   */
  mergeContacts(args: { from: string; into: string; at: string }): Promise<void>
  /** Stores the events in this order. Preconditions: none stored before; their contacts exist. */
  insertEvents(args: { events: readonly EventToStore[] }): Promise<void>
  /** Adds to the summaries, at most one bump per (contact, name) in one call. */
  bumpSummaries(args: { bumps: readonly SummaryBump[] }): Promise<void>
  /** Per key, keeps the value whose timestamp is the latest (ties: the one written last). */
  setAttributes(args: { contactId: string; attributes: JsonObject; timestamp: string }): Promise<void>
  /** Appends entries to the change feed, in this order, after every entry committed before. */
  appendChanges(args: { changes: readonly NewChange[] }): Promise<void>
  /**
   * Erases the contact `id` resolves to (itself or the survivor of a merge): its events,
   * identities, summaries, attributes and merge records, and the personal data of its
   * feed entries. Keeps the erased events' (source, messageId) so a late retry stays a
   * duplicate. Returns the erased contact's id, or null when there is none.
   */
  eraseContact(args: { id: string }): Promise<string | null>
  /** The feed after a cursor, as committed so far (never this transaction's own entries). */
  readChanges(args: ChangeQuery): Promise<ChangePage>
  /**
   * A consumer's saved cursor (null: it never saved one). On PostgreSQL the consumer's
   * row stays locked until commit, so two collectors never handle the same changes.
   */
  lockConsumerCursor(args: { name: string }): Promise<string | null>
  saveConsumerCursor(args: { name: string; cursor: string }): Promise<void>
  /**
   * Where reading the feed on from `after` would end now (`readChanges`' last cursor),
   * without reading the changes: `after` itself when nothing came after it.
   */
  lastChangeCursor(args: { after: string | null }): Promise<string | null>
  /**
   * The cookieless salt of `day` (UTC, `YYYY-MM-DD`): `candidate` becomes it when the day
   * has none yet (when collectors race, one candidate wins and every one gets it); every
   * earlier day's salt is deleted.
   */
  dailySalt(args: { day: string; candidate: string }): Promise<string>
  /**
   * The contacts these ids resolve to (each itself or the survivor of a merge), with their
   * identifiers, attributes and summaries as this transaction sees them, once each; ids of
   * no contact (erased, never stored) are left out.
   */
  readContacts(args: { ids: readonly string[] }): Promise<ContactDetail[]>
  /** Deletes at most `limit` of the oldest events whose timestamp is before `before`; returns how many. */
  deleteEventsBefore(args: { before: string; limit: number }): Promise<number>
  /** Nulls the data of at most `limit` `event.stored` feed entries that arrived before `before`; returns how many. */
  forgetChangesBefore(args: { before: string; limit: number }): Promise<number>
  /** Merge records and feed entries of a contact (its current id) and of the contacts merged into it. */
  readContactHistory(args: { contactId: string }): Promise<ContactHistory>
  /**
   * Stores an automation record (definitions, runs, timers, webhook messages), replacing
   * the one with its kind and id. With `onlyIfNew`, stores nothing when its id or unique
   * key is taken. True when stored.
   */
  saveRecord(args: { record: AutomationRecord; onlyIfNew?: boolean }): Promise<boolean>
  /**
   * `saveRecord` for many records at once; each kind and id given at most once. Returns
   * the ids stored (with `onlyIfNew`: those whose id and unique key were free).
   */
  saveRecords(args: { records: readonly AutomationRecord[]; onlyIfNew?: boolean }): Promise<string[]>
  /** The records of a kind matching every column given, newest first. */
  findRecords(args: AutomationRecordQuery): Promise<AutomationRecord[]>
  /** The records of a kind held by any of these contacts, at most `limit` per contact, newest first. */
  findContactRecords(args: ContactRecordsQuery): Promise<AutomationRecord[]>
  /** Which of these unique keys records of a kind hold already. */
  takenRecordKeys(args: { kind: AutomationRecordKind; uniqueKeys: readonly string[] }): Promise<ReadonlySet<string>>
  /** True when there was such a record. */
  deleteRecord(args: { kind: AutomationRecordKind; id: string }): Promise<boolean>
  /**
   * The records of a kind due at `now`, earliest first, their `dueAt` moved to `leaseUntil`
   * so that they come due again unless saved or deleted before. On PostgreSQL the rows
   * stay locked until commit and rows locked by another collector are skipped.
   */
  leaseDueRecords(args: AutomationLease): Promise<AutomationRecord[]>
  /** When the earliest record of a kind is due, or null. */
  nextDueAt(args: { kind: AutomationRecordKind }): Promise<string | null>
  /** Creates or replaces a segment's definition and computation state. */
  saveSegment(args: { segment: StoredSegment }): Promise<void>
  /** Deletes a segment with its memberships and due checks; false when there was none. */
  deleteSegment(args: { id: string }): Promise<boolean>
  /** One segment (`id`) or all of them, oldest first. On PostgreSQL one segment read stays locked until commit. */
  readSegments(args: { id?: string }): Promise<StoredSegment[]>
  /** The number of members of each segment whose contact still exists. */
  countSegmentMembers(args: { segmentIds: readonly string[] }): Promise<Record<string, number>>
  /** Members of a segment in contact-id order, after the contact id `after`. */
  readSegmentMembers(args: { segmentId: string; after?: string; limit: number }): Promise<SegmentMember[]>
  /** The memberships of these contacts, in every segment. */
  readMemberships(args: { contactIds: readonly string[] }): Promise<Membership[]>
  /** Records that a contact entered (when absent) or left a segment; true when it changed anything. */
  setMembership(args: { segmentId: string; contactId: string; member: boolean; at: string }): Promise<boolean>
  /** When a pair must be re-checked (`dueAt`), or never by time alone (null). */
  scheduleSegmentCheck(args: { segmentId: string; contactId: string; dueAt: string | null }): Promise<void>
  /**
   * `setMembership` for many pairs at once, without telling which changed anything; when
   * a pair is given twice, its last write stands.
   */
  setMemberships(args: { memberships: readonly MembershipWrite[] }): Promise<void>
  /** `scheduleSegmentCheck` for many pairs at once; when a pair is given twice, its last write stands. */
  scheduleSegmentChecks(args: { checks: readonly SegmentCheckWrite[] }): Promise<void>
  /** The checks due at or before `dueBy` (all when omitted), earliest first. */
  readSegmentChecks(args: { dueBy?: string; limit: number }): Promise<SegmentCheck[]>
  /**
   * A contact with its attributes, its stored events oldest first and its per-name
   * summaries (only those of `names` when given), or null.
   */
  readMembershipInput(args: { contactId: string; names?: readonly string[] }): Promise<StoredMembershipInput | null>
  /** The same for several contacts at once, with only the events and summaries of `names`; absent ones left out. */
  readMembershipInputs(args: {
    contactIds: readonly string[]
    names: readonly string[]
  }): Promise<StoredMembershipInput[]>
  /**
   * Which contacts of `scope` match `match` at `now`, computed in the database;
   * `matchOf` gives the conditions of the segments `match` refers to.
   */
  matchSegment(args: {
    match: SegmentCondition
    matchOf: (segmentId: string) => SegmentCondition | undefined
    now: Date
    scope: MatchScope
  }): Promise<MatchResult>
  /**
   * When each listed contact's membership of `match` can next change with time alone,
   * as `nextChangeAt` answers from their events (null: never), computed in the database;
   * contacts that do not exist are left out.
   */
  nextSegmentChanges(args: { match: SegmentCondition; contactIds: readonly string[]; now: Date }): Promise<NextChange[]>
}

/**
 * Anything that runs work in one store transaction and commits it: every store. `work`
 * may be run again (the store retries a transaction that lost a race), so it must keep
 * its effects in the transaction.
 */
export interface Transactional {
  transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T>
}
