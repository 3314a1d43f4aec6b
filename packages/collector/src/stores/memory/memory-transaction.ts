import type { EventSummary, JsonObject } from '@sillage/protocol'
import type { ContactKeys, EventToStore, IdentifierKind, IdentityTransaction, SummaryBump } from '../../identity/identity-transaction.js'
import type { NormalisedEvent } from '../store.js'
import { type MemoryContact, type MemoryState, messageKey } from './memory-state.js'
import { newContactId } from '../../identity/new-contact-id.js'

/**
 * The identity operations on the memory maps. Not atomic on failure: the memory store
 * is for tests and trying Sillage out, and nothing here can fail but a bug.
 */
export class MemoryTransaction implements IdentityTransaction {
  constructor(private readonly state: MemoryState) {}

  async storedMessageIds(source: string, messageIds: readonly string[]): Promise<ReadonlySet<string>> {
    return new Set(messageIds.filter((messageId) => this.state.messageKeys.has(messageKey(source, messageId))))
  }

  async findContact(kind: IdentifierKind, value: string): Promise<ContactKeys | null> {
    const id = this.state.contactIdBy[kind].get(value)
    return id === undefined ? null : keysOf(this.contact(id))
  }

  async createContact(at: string): Promise<ContactKeys> {
    const contact: MemoryContact = { id: newContactId(), userId: null, email: null, anonymousIds: new Set(), createdAt: at, updatedAt: at }
    this.state.contacts.set(contact.id, contact)
    return keysOf(contact)
  }

  async attachIdentifier(contactId: string, kind: IdentifierKind, value: string, at: string): Promise<void> {
    const contact = this.contact(contactId)
    const index = this.state.contactIdBy[kind]
    if (kind === 'anonymousId') {
      const previousHolder = index.get(value)
      if (previousHolder !== undefined) this.contact(previousHolder).anonymousIds.delete(value)
      contact.anonymousIds.add(value)
    } else {
      const replaced = contact[kind]
      if (replaced !== null) index.delete(replaced)
      contact[kind] = value
    }
    index.set(value, contactId)
    contact.updatedAt = at
  }

  async mergeContacts(fromId: string, intoId: string, at: string): Promise<void> {
    const { state } = this
    const from = this.contact(fromId)
    const into = this.contact(intoId)
    for (const anonymousId of from.anonymousIds) await this.attachIdentifier(intoId, 'anonymousId', anonymousId, at)
    if (into.userId === null && from.userId !== null) this.moveClaim(from, into, 'userId')
    if (into.email === null && from.email !== null) this.moveClaim(from, into, 'email')
    into.createdAt = from.createdAt < into.createdAt ? from.createdAt : into.createdAt
    into.updatedAt = at

    const moved = state.eventsByContact.get(fromId) ?? []
    for (const event of moved) event.contactId = intoId
    const merged = [...(state.eventsByContact.get(intoId) ?? []), ...moved].sort((a, b) => a.seq - b.seq)
    state.eventsByContact.set(intoId, merged)

    for (const summary of state.summaries.get(fromId)?.values() ?? []) this.addToSummary(intoId, summary)
    for (const [key, attribute] of state.attributes.get(fromId) ?? []) {
      await this.setAttributes(intoId, { [key]: attribute.value }, attribute.timestamp)
    }

    for (const [mergedId, survivorId] of state.mergedInto) if (survivorId === fromId) state.mergedInto.set(mergedId, intoId)
    state.mergedInto.set(fromId, intoId)
    state.contacts.delete(fromId)
    state.eventsByContact.delete(fromId)
    state.summaries.delete(fromId)
    state.attributes.delete(fromId)
  }

  async insertEvents(events: readonly EventToStore[]): Promise<void> {
    for (const { event, contactId } of events) this.insertEvent(event, contactId)
  }

  async bumpSummaries(bumps: readonly SummaryBump[]): Promise<void> {
    for (const { contactId, ...summary } of bumps) this.addToSummary(contactId, summary)
  }

  private insertEvent(event: NormalisedEvent, contactId: string): void {
    const { state } = this
    const { source, previousId: _previousId, traits: _traits, propertiesJson: _properties, contextJson: _context, ...stored } = event
    const row = { ...stored, source, contactId, seq: ++state.lastSeq }
    state.messageKeys.add(messageKey(source, event.messageId))
    state.events.push(row)
    const perContact = state.eventsByContact.get(contactId)
    if (perContact === undefined) state.eventsByContact.set(contactId, [row])
    else perContact.push(row)
  }

  async setAttributes(contactId: string, attributes: JsonObject, timestamp: string): Promise<void> {
    const perContact = this.state.attributes.get(contactId) ?? new Map()
    this.state.attributes.set(contactId, perContact)
    for (const [key, value] of Object.entries(attributes)) {
      const current = perContact.get(key)
      if (current === undefined || timestamp >= current.timestamp) perContact.set(key, { value, timestamp })
    }
  }

  private addToSummary(contactId: string, added: EventSummary): void {
    const perContact = this.state.summaries.get(contactId) ?? new Map<string, EventSummary>()
    this.state.summaries.set(contactId, perContact)
    const summary = perContact.get(added.name)
    if (summary === undefined) return void perContact.set(added.name, { ...added })
    summary.count += added.count
    if (added.first < summary.first) summary.first = added.first
    if (added.last > summary.last) summary.last = added.last
  }

  private moveClaim(from: MemoryContact, into: MemoryContact, kind: 'userId' | 'email'): void {
    into[kind] = from[kind]
    this.state.contactIdBy[kind].set(from[kind]!, into.id)
    from[kind] = null
  }

  private contact(id: string): MemoryContact {
    const contact = this.state.contacts.get(id)
    if (contact === undefined) throw new Error(`Memory store: no contact ${id} (identity rules referenced a deleted contact)`)
    return contact
  }
}

function keysOf(contact: MemoryContact): ContactKeys {
  return { id: contact.id, userId: contact.userId, email: contact.email }
}
