import type { Database, Statement } from 'better-sqlite3'
import type { ContactDetail, EventPage, EventSummary, EventType, IdentityStatus, StoredEvent } from '@sillage/protocol'
import { decodeEventCursor, encodeEventCursor } from '../event-cursor.js'
import { toIsoInstant } from '../iso-instant.js'
import type { ContactLookup, EventQuery } from '../store.js'

interface EventRow {
  seq: number
  messageId: string
  type: EventType
  name: string
  contactId: string
  anonymousId: string | null
  userId: string | null
  email: string | null
  properties: string
  context: string
  timestamp: string
  originalTimestamp: string
  sentAt: string | null
  receivedAt: string
  identity: IdentityStatus
}

const eventColumns = `seq, message_id AS messageId, type, name, contact_id AS contactId, anonymous_id AS anonymousId,
  user_id AS userId, email, properties, context, timestamp, original_timestamp AS originalTimestamp,
  sent_at AS sentAt, received_at AS receivedAt, identity`

/**
 * The read side of the SQLite store, on its own connection: in WAL mode it reads the
 * last committed state while the writer works, so readers never see half an ingest.
 */
export class SqliteReads {
  private readonly eventQueries = new Map<string, Statement<unknown[], EventRow>>()
  private readonly sql

  constructor(private readonly db: Database) {
    this.sql = {
      resolve: db
        .prepare<[string, string], string>(
          'SELECT coalesce((SELECT into_id FROM contact_merges WHERE merged_id = ?), ?)',
        )
        .pluck(),
      contact: db.prepare<
        [string],
        { id: string; userId: string | null; email: string | null; createdAt: string; updatedAt: string }
      >(
        'SELECT id, user_id AS userId, email, created_at AS createdAt, updated_at AS updatedAt FROM contacts WHERE id = ?',
      ),
      anonymousIds: db
        .prepare<[string], string>('SELECT anonymous_id FROM anonymous_ids WHERE contact_id = ? ORDER BY anonymous_id')
        .pluck(),
      attributes: db.prepare<[string], { key: string; value: string }>(
        'SELECT key, value FROM contact_attributes WHERE contact_id = ? ORDER BY key',
      ),
      mergedFrom: db
        .prepare<[string], string>('SELECT merged_id FROM contact_merges WHERE into_id = ? ORDER BY merged_id')
        .pluck(),
      summaries: db.prepare<[string], EventSummary>(
        'SELECT name, count, first, last FROM event_summaries WHERE contact_id = ? ORDER BY name',
      ),
      byUserId: db.prepare<[string], string>('SELECT id FROM contacts WHERE user_id = ?').pluck(),
      byEmail: db.prepare<[string], string>('SELECT id FROM contacts WHERE email = ?').pluck(),
      byAnonymousId: db
        .prepare<[string], string>('SELECT contact_id FROM anonymous_ids WHERE anonymous_id = ?')
        .pluck(),
    }
  }

  /** The id a contact has today: itself, or the survivor it was merged into. */
  resolveContactId(id: string): string {
    return this.sql.resolve.get(id, id)!
  }

  listEvents(query: EventQuery): EventPage {
    const conditions: string[] = []
    const params: unknown[] = []
    const where = (condition: string, ...values: unknown[]) => {
      conditions.push(condition)
      params.push(...values)
    }
    if (query.contactId !== undefined) where('contact_id = ?', this.resolveContactId(query.contactId))
    if (query.name !== undefined) where('name = ?', query.name)
    if (query.type !== undefined) where('type = ?', query.type)
    if (query.since !== undefined) where('timestamp >= ?', toIsoInstant(query.since))
    if (query.until !== undefined) where('timestamp < ?', toIsoInstant(query.until))
    if (query.cursor !== undefined) {
      const after = decodeEventCursor(query.cursor)
      // The redundant `timestamp <= ?` gives the index an upper bound: with only the OR,
      // a `since` filter made every page scan the window from its start.
      const { timestamp, seq } = after
      where('timestamp <= ? AND (timestamp < ? OR (timestamp = ? AND seq < ?))', timestamp, timestamp, timestamp, seq)
    }
    const rows = this.eventQuery(conditions).all(...params, query.limit + 1)
    const page = rows.slice(0, query.limit)
    const last = page.at(-1)
    return {
      events: page.map(toStoredEvent),
      nextCursor: last !== undefined && rows.length > query.limit ? encodeEventCursor(last) : null,
    }
  }

  getContact(id: string): ContactDetail | null {
    const contact = this.sql.contact.get(this.resolveContactId(id))
    if (contact === undefined) return null
    return {
      ...contact,
      anonymousIds: this.sql.anonymousIds.all(contact.id),
      attributes: Object.fromEntries(
        this.sql.attributes.all(contact.id).map(({ key, value }) => [key, JSON.parse(value)]),
      ),
      mergedFrom: this.sql.mergedFrom.all(contact.id),
      summaries: this.sql.summaries.all(contact.id),
    }
  }

  findContacts(lookup: ContactLookup): ContactDetail[] {
    const id =
      'email' in lookup
        ? this.sql.byEmail.get(lookup.email.trim().toLowerCase())
        : 'userId' in lookup
          ? this.sql.byUserId.get(lookup.userId)
          : this.sql.byAnonymousId.get(lookup.anonymousId)
    const contact = id === undefined ? null : this.getContact(id)
    return contact === null ? [] : [contact]
  }

  /** One prepared statement per combination of filters, prepared on first use. */
  private eventQuery(conditions: string[]): Statement<unknown[], EventRow> {
    const sql = `SELECT ${eventColumns} FROM events ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
      ORDER BY timestamp DESC, seq DESC LIMIT ?`
    let statement = this.eventQueries.get(sql)
    if (statement === undefined) {
      statement = this.db.prepare<unknown[], EventRow>(sql)
      this.eventQueries.set(sql, statement)
    }
    return statement
  }
}

function toStoredEvent({ seq: _seq, properties, context, ...row }: EventRow): StoredEvent {
  return { ...row, properties: JSON.parse(properties), context: JSON.parse(context) }
}
