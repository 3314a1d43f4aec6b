import type { JsonObject } from '@sillage/protocol'
import type { NewChange } from '../events/change.js'
import type { NormalisedEvent } from '../events/normalised-event.js'
import type { ContactKeys, ContactOperations, IdentifierKind } from '../identity/contact-operations.js'
import { newContactId } from '../identity/new-contact-id.js'
import type { EventToStore, StoreTransaction, SummaryBump } from '../transaction/store-transaction.js'
import type { IngestOutcome } from './ingest-outcome.js'
import { storedEventData, storedEventJson } from './stored-event-data.js'

/**
 * The store transaction as the identity rules see it while one batch is ingested, doing
 * the same writes in fewer store calls — on PostgreSQL, each call is a network round trip:
 * - contacts already found are remembered until an identifier moves (a batch is usually
 *   one device, looked up once instead of once per event);
 * - events and summary bumps are queued and written together at the end of the batch,
 *   and before any merge, since a merge moves a contact's events and summaries and must
 *   find them stored.
 * Only found contacts are remembered, never "nobody": on PostgreSQL a found contact is
 * locked until commit, so no other transaction can change what was remembered.
 *
 * It also records what happened, in order, as the outcome and the feed entries that
 * `flush()` appends in the same transaction.
 *
 * @example
 * const batch = new BatchScope(tx)
 * batch.queueEvent(event, await resolveContact(batch, ids, at))
 * const outcome = await batch.flush()
 */
export class BatchScope implements ContactOperations {
  private readonly found = new Map<string, ContactKeys>()
  private readonly events: EventToStore[] = []
  private readonly summaries = new Map<string, SummaryBump>()
  private readonly changes: NewChange[] = []
  readonly outcome: Omit<IngestOutcome, 'accepted' | 'duplicates'> = {
    stored: [],
    created: [],
    merges: [],
    updated: [],
  }

  constructor(private readonly tx: StoreTransaction) {}

  /** Queues the event and its summary bump; written by the next `flush()` or merge. */
  queueEvent(event: NormalisedEvent, contactId: string): void {
    this.events.push({ event, contactId })
    this.outcome.stored.push({ event, contactId })
    this.changes.push({
      type: 'event.stored',
      at: event.receivedAt,
      contactId,
      data: storedEventData(event, contactId),
      dataJson: storedEventJson(event, contactId),
    })
    const key = `${contactId}\u0000${event.name}`
    const bump = this.summaries.get(key)
    if (bump === undefined) {
      this.summaries.set(key, { contactId, name: event.name, count: 1, first: event.timestamp, last: event.timestamp })
      return
    }
    bump.count += 1
    if (event.timestamp < bump.first) bump.first = event.timestamp
    if (event.timestamp > bump.last) bump.last = event.timestamp
  }

  /** Writes what is queued and appends the batch's feed entries. Call once at the end. */
  async flush(): Promise<void> {
    await this.writeQueued()
    if (this.changes.length > 0) await this.tx.appendChanges({ changes: this.changes.splice(0) })
  }

  async findContact(kind: IdentifierKind, value: string): Promise<ContactKeys | null> {
    const key = `${kind}\u0000${value}`
    const remembered = this.found.get(key)
    if (remembered !== undefined) return remembered
    const contact = await this.tx.findContact({ kind, value })
    if (contact !== null) this.found.set(key, contact)
    return contact
  }

  async createContact(at: string): Promise<ContactKeys> {
    const id = newContactId()
    await this.tx.createContact({ id, at })
    this.outcome.created.push(id)
    this.changes.push({ type: 'contact.created', at, contactId: id, data: {} })
    return { id, userId: null, email: null }
  }

  attachIdentifier(contactId: string, kind: IdentifierKind, value: string, at: string): Promise<void> {
    this.found.clear()
    return this.tx.attachIdentifier({ contactId, kind, value, at })
  }

  async mergeContacts(from: string, into: string, at: string): Promise<void> {
    await this.writeQueued()
    this.found.clear()
    this.outcome.merges.push({ from, into })
    this.changes.push({ type: 'contact.merged', at, contactId: into, data: { from, into } })
    return this.tx.mergeContacts({ from, into, at })
  }

  setAttributes(contactId: string, attributes: JsonObject, timestamp: string, at: string): Promise<void> {
    this.outcome.updated.push({ contactId, attributes })
    this.changes.push({ type: 'contact.updated', at, contactId, data: attributes })
    return this.tx.setAttributes({ contactId, attributes, timestamp })
  }

  private async writeQueued(): Promise<void> {
    if (this.events.length > 0) await this.tx.insertEvents({ events: this.events.splice(0) })
    if (this.summaries.size > 0) {
      const bumps = [...this.summaries.values()]
      this.summaries.clear()
      await this.tx.bumpSummaries({ bumps })
    }
  }
}
