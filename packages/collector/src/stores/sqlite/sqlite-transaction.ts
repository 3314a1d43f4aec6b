import { randomUUID } from 'node:crypto'
import type { JsonObject } from '@sillage/protocol'
import type { ContactKeys, IdentifierKind, IdentityTransaction } from '../../identity/identity-transaction.js'
import type { NormalisedEvent } from '../store.js'
import type { WriteStatements } from './sqlite-write-statements.js'

/**
 * The identity operations as prepared SQLite statements on the writer connection. The
 * store opens the transaction around it; every call here is synchronous underneath.
 */
export class SqliteTransaction implements IdentityTransaction {
  constructor(private readonly sql: WriteStatements) {}

  async hasMessage(source: string, messageId: string): Promise<boolean> {
    return this.sql.hasMessage.get(source, messageId, source, messageId) !== undefined
  }

  async findContact(kind: IdentifierKind, value: string): Promise<ContactKeys | null> {
    const statement = kind === 'userId' ? this.sql.contactByUserId : kind === 'email' ? this.sql.contactByEmail : this.sql.contactByAnonymousId
    return statement.get(value) ?? null
  }

  async createContact(at: string): Promise<ContactKeys> {
    const id = randomUUID()
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

  async insertEvent(event: NormalisedEvent, contactId: string): Promise<void> {
    this.sql.insertEvent.run({
      source: event.source,
      messageId: event.messageId,
      contactId,
      type: event.type,
      name: event.name,
      anonymousId: event.anonymousId,
      userId: event.userId,
      email: event.email,
      properties: JSON.stringify(event.properties),
      context: JSON.stringify(event.context),
      timestamp: event.timestamp,
      originalTimestamp: event.originalTimestamp,
      sentAt: event.sentAt,
      receivedAt: event.receivedAt,
      identity: event.identity,
    })
  }

  async bumpSummary(contactId: string, name: string, timestamp: string): Promise<void> {
    this.sql.bumpSummary.run(contactId, name, timestamp, timestamp)
  }

  async setAttributes(contactId: string, attributes: JsonObject, timestamp: string): Promise<void> {
    for (const [key, value] of Object.entries(attributes)) this.sql.setAttribute.run(contactId, key, JSON.stringify(value), timestamp)
  }
}
