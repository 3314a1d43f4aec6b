import type { Database } from 'better-sqlite3'
import { prepared } from '../prepared.js'

// Feed entries first (they are found through the merge records, deleted after), then the
// data. The erased events' (source, messageId) are kept — no personal data — so a late
// retry stays a duplicate instead of bringing the person back.
const steps = [
  `UPDATE changes SET data = NULL WHERE contact_id = @id
     OR contact_id IN (SELECT merged_id FROM contact_merges WHERE into_id = @id)`,
  'INSERT OR IGNORE INTO erased_messages (source, message_id) SELECT source, message_id FROM events WHERE contact_id = @id',
  'DELETE FROM events WHERE contact_id = @id',
  'DELETE FROM anonymous_ids WHERE contact_id = @id',
  'DELETE FROM event_summaries WHERE contact_id = @id',
  'DELETE FROM contact_attributes WHERE contact_id = @id',
  'DELETE FROM contact_merges WHERE into_id = @id',
  'DELETE FROM contacts WHERE id = @id',
]

/**
 * GDPR erasure of the contact `id` resolves to; returns its id, or null when there is none.
 *
 * @example
 * eraseContact(db, { id }) // 'c_…' or null
 */
export function eraseContact(db: Database, { id: given }: { id: string }): string | null {
  const id = prepared<{ id: string }, string>(
    db,
    'SELECT id FROM contacts WHERE id = coalesce((SELECT into_id FROM contact_merges WHERE merged_id = @id), @id)',
  )
    .pluck()
    .get({ id: given })
  if (id === undefined) return null
  for (const step of steps) prepared<{ id: string }>(db, step).run({ id })
  return id
}
