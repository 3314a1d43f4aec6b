import type { PendingQuery, Row, TransactionSql } from 'postgres'
import type { EventToStore } from '../../../transaction/store-transaction.js'
import type { PostgresHandle } from '../postgres-handle.js'
import { textColumn } from '../text-array.js'

// Every value goes as text and is cast by the server, as in the unnest arrays. JSON is the
// normaliser's text, declared text and only then cast: the driver's json helper sends
// jsonb, which refuses "\u0000" although json columns keep it, and a parameter the server
// types as json would be JSON-encoded a second time by the driver. Timestamps are parsed
// by PostgreSQL, not by Date.

/**
 * Stores the events in order (sent unawaited: the rules need no answer).
 *
 * @example
 * insertEvents(handle, { events: [{ event, contactId }] })
 */
export function insertEvents({ sql, pipeline }: PostgresHandle, { events }: { events: readonly EventToStore[] }): void {
  pipeline.send(insertStatement(sql, events))
}

/**
 * The INSERT of a batch's events, in order. Many rows: one statement turning one array per
 * column into rows. One row (a browser's single event, the commonest request): a plain
 * VALUES row, which spares building and unpacking the arrays.

 */
function insertStatement(sql: TransactionSql, rows: readonly EventToStore[]): PendingQuery<Row[]> {
  if (rows.length === 1) {
    const { event, contactId } = rows[0]!
    return sql`
      INSERT INTO events (source, message_id, contact_id, type, name, anonymous_id, user_id, email, properties, context,
        timestamp, original_timestamp, sent_at, received_at, identity)
      VALUES (${event.source}, ${event.messageId}, ${contactId}, ${event.type}, ${event.name}, ${event.anonymousId}::text,
        ${event.userId}::text, ${event.email}::text, ${event.propertiesJson}::text::json,
        ${event.contextJson}::text::json, ${event.timestamp}::text::timestamptz,
        ${event.originalTimestamp}::text::timestamptz, ${event.sentAt}::text::timestamptz,
        ${event.receivedAt}::text::timestamptz, ${event.identity})`
  }
  const column = (pick: (row: EventToStore) => string | null) => textColumn(sql, rows, pick)
  // properties and context, the bulk of the bytes, go as one JSON array each, made by joining
  // the normaliser's JSON texts: no array escaping of every quote in them (a tenth of the
  // store's CPU at 100 events a request); json_array_elements hands each element back
  // as the very text it was given (json_to_recordset would refuse a "\u0000" in it).
  const jsonArray = (pick: (row: EventToStore) => string) => `[${rows.map(pick).join(',')}]`
  return sql`
    INSERT INTO events (source, message_id, contact_id, type, name, anonymous_id, user_id, email, properties, context,
      timestamp, original_timestamp, sent_at, received_at, identity)
    SELECT source, message_id, contact_id, type, name, anonymous_id, user_id, email, properties, context,
      timestamp::timestamptz, original_timestamp::timestamptz, sent_at::timestamptz, received_at::timestamptz, identity
    FROM ROWS FROM (
      unnest(
        ${column((r) => r.event.source)}::text[], ${column((r) => r.event.messageId)}::text[], ${column((r) => r.contactId)}::text[],
        ${column((r) => r.event.type)}::text[], ${column((r) => r.event.name)}::text[], ${column((r) => r.event.anonymousId)}::text[],
        ${column((r) => r.event.userId)}::text[], ${column((r) => r.event.email)}::text[],
        ${column((r) => r.event.timestamp)}::text[], ${column((r) => r.event.originalTimestamp)}::text[],
        ${column((r) => r.event.sentAt)}::text[], ${column((r) => r.event.receivedAt)}::text[], ${column((r) => r.event.identity)}::text[]),
      json_array_elements(${jsonArray((r) => r.event.propertiesJson)}::text::json),
      json_array_elements(${jsonArray((r) => r.event.contextJson)}::text::json)
    ) WITH ORDINALITY AS batch (source, message_id, contact_id, type, name, anonymous_id, user_id, email,
      timestamp, original_timestamp, sent_at, received_at, identity, properties, context, position)
    ORDER BY position`
}
