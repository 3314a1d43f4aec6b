import type { JsonObject } from '@sillage/protocol'
import type { ChangeType } from '../../../events/change.js'
import type { ContactHistory } from '../../../privacy/contact-history.js'
import { encodeChangeCursor } from '../../change-cursor.js'
import type { PostgresHandle } from '../postgres-handle.js'

interface ChangeRow {
  xid: string
  seq: string
  type: ChangeType
  at: Date
  contactId: string | null
  data: JsonObject | null
}

/**
 * The merge records and feed entries of the contact `contactId` (a survivor's id) and of
 * every contact merged into it: the part of a personal-data export the contact's own
 * record and events do not hold.
 *
 * @example
 * await readContactHistory(handle, { contactId: 'c_…' }) // { merges: [...], changes: [...] }
 */
export async function readContactHistory(
  { sql, pipeline }: PostgresHandle,
  { contactId }: { contactId: string },
): Promise<ContactHistory> {
  const merges = await pipeline.read(sql<{ mergedId: string; mergedAt: Date }[]>`
    SELECT merged_id AS "mergedId", merged_at AS "mergedAt" FROM contact_merges
    WHERE into_id = ${contactId} ORDER BY merged_at, merged_id`)
  const rows = await pipeline.read(sql<ChangeRow[]>`
    SELECT xid::text AS xid, seq, type, at, contact_id AS "contactId", data FROM changes
    WHERE contact_id = ${contactId} OR contact_id IN (SELECT merged_id FROM contact_merges WHERE into_id = ${contactId})
    ORDER BY xid, seq`)
  return {
    merges: merges.map(({ mergedId, mergedAt }) => ({ mergedId, mergedAt: mergedAt.toISOString() })),
    changes: rows.map(({ xid, seq, at, ...row }) => ({
      cursor: encodeChangeCursor({ xid, seq: Number(seq) }),
      ...row,
      at: at.toISOString(),
    })),
  }
}
