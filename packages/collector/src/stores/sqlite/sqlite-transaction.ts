import type { JsonObject } from '@sillage/protocol'
import type { ContactKeys, EventToStore, IdentifierKind, IdentityTransaction, SummaryBump } from '../../identity/identity-transaction.js'
import type { SerialisedEvent } from '../store.js'
import type { WriteStatements } from './sqlite-write-statements.js'
import { newContactId } from '../../identity/new-contact-id.js'

/**
 * The identity operations as prepared SQLite statements on the writer connection. The
 * writer opens the transaction around it; every call here is synchronous underneath.
 */
export class SqliteTransaction implements IdentityTransaction<SerialisedEvent> {
  constructor(private readonly sql: WriteStatements) {}

  async storedMessageIds(source: string, messageIds: readonly string[]): Promise<ReadonlySet<string>> {
    const ids = JSON.stringify(messageIds)
    return new Set(this.sql.storedMessageIds.all(source, ids, source, ids))
  }

  async findContact(kind: IdentifierKind, value: string): Promise<ContactKeys | null> {
    const statement = kind === 'userId' ? this.sql.contactByUserId : kind === 'email' ? this.sql.contactByEmail : this.sql.contactByAnonymousId
    return statement.get(value) ?? null
  }

  async createContact(at: string): Promise<ContactKeys> {
    const id = newContactId()
    this.sql.insertContact.run(id, at, at)
    return { id, userId: null, email: null }
  }

  async attachIdentifier(contactId: string, kind: IdentifierKind, value: string, at: string): Promise<void> {
    if (kind === 'userId') this.sql.setUserId.run(value, at, contactId)
    else if (kind === 'email') this.sql.setEmail.run(value, at, contactId)
    else {
      this.sql.linkAnonymousId.run(value, contactId, at)
      this.sql.touchContact.run(at, contactId)
    }
  }

  async mergeContacts(fromId: string, intoId: string, at: string): Promise<void> {
    const from = this.sql.contactForMerge.get(fromId)
    if (from === undefined) throw new Error(`SQLite store: no contact ${fromId} to merge (identity rules referenced a deleted contact)`)
    const ids = { from: fromId, into: intoId, at }
    const step = this.sql.merge
    for (const statement of [step.events, step.anonymousIds, step.summaries, step.dropSummaries, step.attributes, step.dropAttributes]) {
      statement.run(ids)
    }
    // The survivor takes the userId/email it lacks; release them first, they are UNIQUE.
    this.sql.releaseClaims.run(fromId)
    this.sql.absorbClaims.run(from.userId, from.email, from.createdAt, at, intoId)
    step.redirectEarlierMerges.run(ids)
    step.recordMerge.run(ids)
    step.dropContact.run(ids)
  }

  async insertEvents(events: readonly EventToStore<SerialisedEvent>[]): Promise<void> {
    for (const { event, contactId } of events) {
      // Positional parameters: better-sqlite3 binds them faster than named ones.
      this.sql.insertEvent.run(
        event.source,
        event.messageId,
        contactId,
        event.type,
        event.name,
        event.anonymousId,
        event.userId,
        event.email,
        event.propertiesJson,
        event.contextJson,
        event.timestamp,
        event.originalTimestamp,
        event.sentAt,
        event.receivedAt,
        event.identity,
      )
    }
  }

  async bumpSummaries(bumps: readonly SummaryBump[]): Promise<void> {
    for (const { contactId, name, count, first, last } of bumps) this.sql.bumpSummary.run(contactId, name, count, first, last)
  }

  async setAttributes(contactId: string, attributes: JsonObject, timestamp: string): Promise<void> {
    for (const [key, value] of Object.entries(attributes)) this.sql.setAttribute.run(contactId, key, JSON.stringify(value), timestamp)
  }
}
