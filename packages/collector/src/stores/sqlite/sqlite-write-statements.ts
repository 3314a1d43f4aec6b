import type { Database, Statement } from 'better-sqlite3'

export interface ContactKeysRow {
  id: string
  userId: string | null
  email: string | null
}

type Text = string
type Nullable = string | null

export interface WriteStatements {
  /** (source, JSON array of messageIds) twice → those already stored or erased. */
  storedMessageIds: Statement<[Text, Text, Text, Text], string>
  contactByUserId: Statement<[Text], ContactKeysRow>
  contactByEmail: Statement<[Text], ContactKeysRow>
  contactByAnonymousId: Statement<[Text], ContactKeysRow>
  contactForMerge: Statement<[Text], ContactKeysRow & { createdAt: string }>
  insertContact: Statement<[Text, Text, Text]>
  setUserId: Statement<[Text, Text, Text]>
  setEmail: Statement<[Text, Text, Text]>
  releaseClaims: Statement<[Text]>
  absorbClaims: Statement<[Nullable, Nullable, Text, Text, Text]>
  touchContact: Statement<[Text, Text]>
  linkAnonymousId: Statement<[Text, Text, Text]>
  insertEvent: Statement<[Text, Text, Text, Text, Text, Nullable, Nullable, Nullable, Text, Text, Text, Text, Nullable, Text, Text]>
  bumpSummary: Statement<[Text, Text, number, Text, Text]>
  setAttribute: Statement<[Text, Text, Text, Text]>
  merge: Record<'events' | 'anonymousIds' | 'summaries' | 'dropSummaries' | 'attributes' | 'dropAttributes' | 'redirectEarlierMerges' | 'recordMerge' | 'dropContact', Statement<[MergeIds]>>
}

/** Every statement the identity pipeline runs, prepared once per connection. */
export function prepareWriteStatements(db: Database): WriteStatements {
  const keys = 'c.id AS id, c.user_id AS userId, c.email AS email'
  return {
    // One statement per batch, the ids as a JSON array: per-id lookups paid better-sqlite3's
    // call overhead once per event. Still one index search per id: json_each feeds the IN list.
    storedMessageIds: db
      .prepare(
        `SELECT message_id FROM events WHERE source = ? AND message_id IN (SELECT value FROM json_each(?))
         UNION ALL SELECT message_id FROM erased_messages WHERE source = ? AND message_id IN (SELECT value FROM json_each(?))`,
      )
      .pluck() as Statement<[string, string, string, string], string>,
    contactByUserId: db.prepare<[string], ContactKeysRow>(`SELECT ${keys} FROM contacts c WHERE c.user_id = ?`),
    contactByEmail: db.prepare<[string], ContactKeysRow>(`SELECT ${keys} FROM contacts c WHERE c.email = ?`),
    contactByAnonymousId: db.prepare<[string], ContactKeysRow>(
      `SELECT ${keys} FROM anonymous_ids a JOIN contacts c ON c.id = a.contact_id WHERE a.anonymous_id = ?`,
    ),
    contactForMerge: db.prepare<[string], ContactKeysRow & { createdAt: string }>(
      `SELECT ${keys}, c.created_at AS createdAt FROM contacts c WHERE c.id = ?`,
    ),
    insertContact: db.prepare<[string, string, string]>('INSERT INTO contacts (id, created_at, updated_at) VALUES (?, ?, ?)'),
    setUserId: db.prepare<[string, string, string]>('UPDATE contacts SET user_id = ?, updated_at = ? WHERE id = ?'),
    setEmail: db.prepare<[string, string, string]>('UPDATE contacts SET email = ?, updated_at = ? WHERE id = ?'),
    releaseClaims: db.prepare<[string]>('UPDATE contacts SET user_id = NULL, email = NULL WHERE id = ?'),
    absorbClaims: db.prepare<[string | null, string | null, string, string, string]>(
      `UPDATE contacts SET user_id = coalesce(user_id, ?), email = coalesce(email, ?),
         created_at = min(created_at, ?), updated_at = ? WHERE id = ?`,
    ),
    touchContact: db.prepare<[string, string]>('UPDATE contacts SET updated_at = ? WHERE id = ?'),
    linkAnonymousId: db.prepare<[string, string, string]>(
      `INSERT INTO anonymous_ids (anonymous_id, contact_id, linked_at) VALUES (?, ?, ?)
       ON CONFLICT (anonymous_id) DO UPDATE SET contact_id = excluded.contact_id, linked_at = excluded.linked_at`,
    ),
    insertEvent: db.prepare(
      `INSERT INTO events (source, message_id, contact_id, type, name, anonymous_id, user_id, email, properties, context,
         timestamp, original_timestamp, sent_at, received_at, identity)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    bumpSummary: db.prepare(
      `INSERT INTO event_summaries (contact_id, name, count, first, last) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (contact_id, name) DO UPDATE SET
         count = count + excluded.count, first = min(first, excluded.first), last = max(last, excluded.last)`,
    ),
    setAttribute: db.prepare<[string, string, string, string]>(
      `INSERT INTO contact_attributes (contact_id, key, value, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (contact_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
       WHERE excluded.updated_at >= contact_attributes.updated_at`,
    ),
    merge: prepareMergeStatements(db),
  }
}

interface MergeIds {
  from: string
  into: string
  at: string
}

/** The steps of `mergeContacts` that move rows from one contact to the other. */
function prepareMergeStatements(db: Database): WriteStatements['merge'] {
  const prepare = (sql: string): Statement<[MergeIds]> => db.prepare<MergeIds>(sql)
  // `AND true` lets SQLite parse an upsert whose source is a SELECT.
  return {
    events: prepare('UPDATE events SET contact_id = @into WHERE contact_id = @from'),
    anonymousIds: prepare('UPDATE anonymous_ids SET contact_id = @into WHERE contact_id = @from'),
    summaries: prepare(
      `INSERT INTO event_summaries (contact_id, name, count, first, last)
       SELECT @into, name, count, first, last FROM event_summaries WHERE contact_id = @from AND true
       ON CONFLICT (contact_id, name) DO UPDATE SET
         count = count + excluded.count, first = min(first, excluded.first), last = max(last, excluded.last)`,
    ),
    dropSummaries: prepare('DELETE FROM event_summaries WHERE contact_id = @from'),
    attributes: prepare(
      `INSERT INTO contact_attributes (contact_id, key, value, updated_at)
       SELECT @into, key, value, updated_at FROM contact_attributes WHERE contact_id = @from AND true
       ON CONFLICT (contact_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
       WHERE excluded.updated_at >= contact_attributes.updated_at`,
    ),
    dropAttributes: prepare('DELETE FROM contact_attributes WHERE contact_id = @from'),
    redirectEarlierMerges: prepare('UPDATE contact_merges SET into_id = @into WHERE into_id = @from'),
    recordMerge: prepare('INSERT INTO contact_merges (merged_id, into_id, merged_at) VALUES (@from, @into, @at)'),
    dropContact: prepare('DELETE FROM contacts WHERE id = @from'),
  }
}
