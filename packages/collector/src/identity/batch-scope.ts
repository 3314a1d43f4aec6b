import type { JsonObject } from '@sillage/protocol'
import type { SerialisedEvent } from '../stores/store.js'
import type { ContactKeys, ContactOperations, EventToStore, IdentifierKind, IdentityTransaction, SummaryBump } from './identity-transaction.js'

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
 * @example
 * const batch = new BatchScope(tx)
 * batch.queueEvent(event, await resolveContact(batch, ids, at))
 * await batch.flush()
 */
export class BatchScope<E extends SerialisedEvent> implements ContactOperations {
  private readonly found = new Map<string, ContactKeys>()
  private readonly events: EventToStore<E>[] = []
  private readonly summaries = new Map<string, SummaryBump>()

  constructor(private readonly tx: IdentityTransaction<E>) {}

  /** Queues the event and its summary bump; written by the next `flush()` or merge. */
  queueEvent(event: E, contactId: string): void {
    this.events.push({ event, contactId })
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

  /** Writes what is queued. Call once at the end of the batch. */
  async flush(): Promise<void> {
    if (this.events.length > 0) await this.tx.insertEvents(this.events.splice(0))
    if (this.summaries.size > 0) {
      const bumps = [...this.summaries.values()]
      this.summaries.clear()
      await this.tx.bumpSummaries(bumps)
    }
  }

  async findContact(kind: IdentifierKind, value: string): Promise<ContactKeys | null> {
    const key = `${kind}\u0000${value}`
    const remembered = this.found.get(key)
    if (remembered !== undefined) return remembered
    const contact = await this.tx.findContact(kind, value)
    if (contact !== null) this.found.set(key, contact)
    return contact
  }

  createContact(at: string): Promise<ContactKeys> {
    return this.tx.createContact(at)
  }

  attachIdentifier(contactId: string, kind: IdentifierKind, value: string, at: string): Promise<void> {
    this.found.clear()
    return this.tx.attachIdentifier(contactId, kind, value, at)
  }

  async mergeContacts(fromId: string, intoId: string, at: string): Promise<void> {
    await this.flush()
    this.found.clear()
    return this.tx.mergeContacts(fromId, intoId, at)
  }

  setAttributes(contactId: string, attributes: JsonObject, timestamp: string): Promise<void> {
    return this.tx.setAttributes(contactId, attributes, timestamp)
  }
}
