import type { Database } from 'better-sqlite3'
import type { EventToStore } from '../../../transaction/store-transaction.js'
import { prepared } from '../prepared.js'

const sql = `INSERT INTO events (source, message_id, contact_id, type, name, anonymous_id, user_id, email, properties, context,
    timestamp, original_timestamp, sent_at, received_at, identity)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

/**
 * Stores the events in order (their insertion order is part of the event log's).
 *
 * @example
 * insertEvents(db, { events: [{ event, contactId }] })
 */
export function insertEvents(db: Database, { events }: { events: readonly EventToStore[] }): void {
  const insert = prepared(db, sql)
  for (const { event, contactId } of events) {
    // Positional parameters: better-sqlite3 binds them faster than named ones.
    insert.run(
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
