import type { Database } from 'better-sqlite3'
import type { ChangeType } from '../../../events/change.js'
import type { ContactHistory, ContactMerge } from '../../../privacy/contact-history.js'
import { encodeChangeCursor } from '../../change-cursor.js'
import { prepared } from '../prepared.js'

interface ChangeRow {
  seq: number
  type: ChangeType
  at: string
  contactId: string | null
  data: string | null
}

/**
 * The merge records and feed entries of the contact `contactId` (a survivor's id) and of
 * every contact merged into it: the part of a personal-data export the contact's own
 * record and events do not hold.
 *
 * @example
 * readContactHistory(db, { contactId: 'c_…' }) // { merges: [...], changes: [...] }
 */
export function readContactHistory(db: Database, { contactId }: { contactId: string }): ContactHistory {
  const merges = prepared<[string], ContactMerge>(
    db,
    `SELECT merged_id AS mergedId, merged_at AS mergedAt FROM contact_merges
     WHERE into_id = ? ORDER BY merged_at, merged_id`,
  ).all(contactId)
  const rows = prepared<{ id: string }, ChangeRow>(
    db,
    `SELECT seq, type, at, contact_id AS contactId, data FROM changes
     WHERE contact_id = @id OR contact_id IN (SELECT merged_id FROM contact_merges WHERE into_id = @id) ORDER BY seq`,
  ).all({ id: contactId })
  const changes = rows.map(({ seq, data, ...row }) => ({
    cursor: encodeChangeCursor({ xid: '0', seq }),
    ...row,
    data: data === null ? null : JSON.parse(data),
  }))
  return { merges, changes }
}
