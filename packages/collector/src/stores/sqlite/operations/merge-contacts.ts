import type { Database } from 'better-sqlite3'
import { prepared } from '../prepared.js'

interface MergeArgs {
  from: string
  into: string
  at: string
}

// `AND true` lets SQLite parse an upsert whose source is a SELECT.
const moveRows = [
  'UPDATE events SET contact_id = @into WHERE contact_id = @from',
  'UPDATE anonymous_ids SET contact_id = @into WHERE contact_id = @from',
  `INSERT INTO event_summaries (contact_id, name, count, first, last)
   SELECT @into, name, count, first, last FROM event_summaries WHERE contact_id = @from AND true
   ON CONFLICT (contact_id, name) DO UPDATE SET
     count = count + excluded.count, first = min(first, excluded.first), last = max(last, excluded.last)`,
  'DELETE FROM event_summaries WHERE contact_id = @from',
  'UPDATE contacts SET last_seen = (SELECT max(last) FROM event_summaries WHERE contact_id = @into) WHERE id = @into',
  `INSERT INTO contact_attributes (contact_id, key, value, updated_at)
   SELECT @into, key, value, updated_at FROM contact_attributes WHERE contact_id = @from AND true
   ON CONFLICT (contact_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
   WHERE excluded.updated_at >= contact_attributes.updated_at`,
  'DELETE FROM contact_attributes WHERE contact_id = @from',
]

const recordMerge = [
  'UPDATE contact_merges SET into_id = @into WHERE into_id = @from',
  'INSERT INTO contact_merges (merged_id, into_id, merged_at) VALUES (@from, @into, @at)',
  'DELETE FROM contacts WHERE id = @from',
]

/**
 * Moves everything of `from` into `into`, records the merge and deletes `from`.
 *
 * @example
 * mergeContacts(db, { from: anonymousId, into: identifiedId, at })
 */
export function mergeContacts(db: Database, args: MergeArgs): void {
  const from = prepared<[string], { userId: string | null; email: string | null; createdAt: string }>(
    db,
    'SELECT user_id AS userId, email, created_at AS createdAt FROM contacts WHERE id = ?',
  ).get(args.from)
  if (from === undefined)
    throw new Error(`SQLite store: no contact ${args.from} to merge (identity rules referenced a deleted contact)`)
  for (const sql of moveRows) prepared<MergeArgs>(db, sql).run(args)
  // The survivor takes the userId/email it lacks; release them first, they are UNIQUE.
  prepared(db, 'UPDATE contacts SET user_id = NULL, email = NULL WHERE id = ?').run(args.from)
  prepared(
    db,
    `UPDATE contacts SET user_id = coalesce(user_id, ?), email = coalesce(email, ?),
       created_at = min(created_at, ?), updated_at = ? WHERE id = ?`,
  ).run(from.userId, from.email, from.createdAt, args.at, args.into)
  for (const sql of recordMerge) prepared<MergeArgs>(db, sql).run(args)
}
