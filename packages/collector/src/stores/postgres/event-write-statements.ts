import type { PendingQuery, Row, TransactionSql } from 'postgres'
import type { EventToStore, SummaryBump } from '../../identity/identity-transaction.js'

// Every value goes as text and is cast by the server, as in the unnest arrays. JSON is the
// normaliser's text, declared text and only then cast: the driver's json helper sends
// jsonb, which refuses "\u0000" although json columns keep it, and a parameter the server
// types as json would be JSON-encoded a second time by the driver. Timestamps are parsed
// by PostgreSQL, not by Date.

/**
 * The INSERT of a batch's events, in order. Many rows: one statement turning one array per
 * column into rows. One row (a browser's single event, the commonest request): a plain
 * VALUES row, which spares building and unpacking the arrays.
 *
 * @example
 * pipeline.send(insertEvents(sql, [{ event, contactId }]))
 */
export function insertEvents(sql: TransactionSql, rows: readonly EventToStore[]): PendingQuery<Row[]> {
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
  const column = (pick: (row: EventToStore) => string | null) => texts(sql, rows.map(pick))
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

/**
 * The upsert adding a batch's bumps to the event summaries (at most one bump per contact
 * and name): one VALUES row for one bump, `unnest` for several.
 *
 * @example
 * pipeline.send(bumpSummaries(sql, [{ contactId, name: 'page_visited', count: 3, first, last }]))
 */
export function bumpSummaries(sql: TransactionSql, bumps: readonly SummaryBump[]): PendingQuery<Row[]> {
  const rows =
    bumps.length === 1
      ? sql`VALUES (${bumps[0]!.contactId}::text, ${bumps[0]!.name}::text, ${bumps[0]!.count}::integer,
          ${bumps[0]!.first}::text::timestamptz, ${bumps[0]!.last}::text::timestamptz)`
      : sql`SELECT * FROM unnest(
          ${texts(sql, bumps.map((b) => b.contactId))}::text[], ${texts(sql, bumps.map((b) => b.name))}::text[],
          ${sql.array(bumps.map((b) => b.count), 23)}::integer[],
          ${texts(sql, bumps.map((b) => b.first))}::timestamptz[], ${texts(sql, bumps.map((b) => b.last))}::timestamptz[])`
  return sql`
    INSERT INTO event_summaries (contact_id, name, count, first, last) ${rows}
    ON CONFLICT (contact_id, name) DO UPDATE SET count = event_summaries.count + excluded.count,
      first = least(event_summaries.first, excluded.first), last = greatest(event_summaries.last, excluded.last)`
}

/** A text[] parameter (oid 25), whatever the first element looks like. */
function texts(sql: TransactionSql, values: readonly (string | null)[]) {
  return sql.array(values as string[], 25)
}
