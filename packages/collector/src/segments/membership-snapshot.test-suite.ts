import type { Database } from 'better-sqlite3'
import type { JsonObject } from '@sillage/protocol'
import type { Sql } from 'postgres'
import type { MembershipContact, MembershipEvent, MembershipSummary } from './membership-input.js'

/** Contacts, their events and summaries as a store holds them: what the reference evaluator is given. */
export interface MembershipSnapshot {
  contacts: MembershipContact[]
  eventsOf: Map<string, MembershipEvent[]>
  summariesOf: Map<string, MembershipSummary[]>
}

interface Row {
  id: string
  user_id: string | null
  email: string | null
}

/**
 * Reads the contacts whose events have a messageId starting with `prefix`, with their
 * attributes and events, from a SQLite store's file.
 *
 * @example
 * const snapshot = readSqliteSnapshot(new Database(file, { readonly: true }), 'run-3-')
 */
export function readSqliteSnapshot(db: Database, prefix: string): MembershipSnapshot {
  const contacts = db
    .prepare<[string], Row>(
      `SELECT id, user_id, email FROM contacts
       WHERE id IN (SELECT contact_id FROM events WHERE message_id LIKE ? || '%')`,
    )
    .all(prefix)
  const attributes = db.prepare<[string], { key: string; value: string }>(
    'SELECT key, value FROM contact_attributes WHERE contact_id = ?',
  )
  const events = db.prepare<[string], { seq: number; name: string; timestamp: string; properties: string }>(
    'SELECT seq, name, timestamp, properties FROM events WHERE contact_id = ?',
  )
  const summaries = db.prepare<[string], MembershipSummary>(
    'SELECT name, count, first, last FROM event_summaries WHERE contact_id = ?',
  )
  return assemble(
    contacts.map((row) => ({
      row,
      attributes: attributes.all(row.id).map(({ key, value }) => [key, JSON.parse(value)] as const),
    })),
    (id) =>
      events.all(id).map((event) => ({
        id: String(event.seq),
        name: event.name,
        timestamp: event.timestamp,
        properties: JSON.parse(event.properties) as JsonObject,
      })),
    (id) => summaries.all(id),
  )
}

/**
 * The same from a PostgreSQL store's schema.
 *
 * @example
 * const snapshot = await readPostgresSnapshot(schema.sql, 'run-3-')
 */
export async function readPostgresSnapshot(sql: Sql, prefix: string): Promise<MembershipSnapshot> {
  const contacts = await sql<Row[]>`SELECT id, user_id, email FROM contacts
    WHERE id IN (SELECT contact_id FROM events WHERE message_id LIKE ${prefix + '%'})`
  const ids = contacts.map((row) => row.id)
  const attributes = await sql<
    { contact_id: string; key: string; value: string }[]
  >`SELECT contact_id, key, value::text AS value FROM contact_attributes WHERE contact_id IN ${sql(ids)}`
  const events = await sql<{ seq: string; contact_id: string; name: string; timestamp: Date; properties: string }[]>`
    SELECT seq::text AS seq, contact_id, name, timestamp, properties::text AS properties
    FROM events WHERE contact_id IN ${sql(ids)}`
  const summaries = await sql<{ contact_id: string; name: string; count: number; first: Date; last: Date }[]>`
    SELECT contact_id, name, count, first, last FROM event_summaries WHERE contact_id IN ${sql(ids)}`
  return assemble(
    contacts.map((row) => ({
      row,
      attributes: attributes
        .filter((entry) => entry.contact_id === row.id)
        .map(({ key, value }) => [key, JSON.parse(value)] as const),
    })),
    (id) =>
      events
        .filter((event) => event.contact_id === id)
        .map((event) => ({
          id: event.seq,
          name: event.name,
          timestamp: event.timestamp.toISOString(),
          properties: JSON.parse(event.properties) as JsonObject,
        })),
    (id) =>
      summaries
        .filter((summary) => summary.contact_id === id)
        .map(({ name, count, first, last }) => ({ name, count, first: first.toISOString(), last: last.toISOString() })),
  )
}

function assemble(
  contacts: { row: Row; attributes: (readonly [string, unknown])[] }[],
  eventsOf: (id: string) => MembershipEvent[],
  summariesOf: (id: string) => MembershipSummary[],
): MembershipSnapshot {
  return {
    contacts: contacts.map(({ row, attributes }) => ({
      id: row.id,
      userId: row.user_id,
      email: row.email,
      attributes: Object.fromEntries(attributes) as JsonObject,
    })),
    eventsOf: new Map(contacts.map(({ row }) => [row.id, eventsOf(row.id)])),
    summariesOf: new Map(contacts.map(({ row }) => [row.id, summariesOf(row.id)])),
  }
}
