import type { Membership } from '../../../segments/stored-segment.js'
import type { PostgresHandle } from '../postgres-handle.js'
import { texts } from '../text-array.js'

/**
 * The memberships of these contacts in every segment.
 *
 * @example
 * await readMemberships(handle, { contactIds: ['c_1'] }) // [{ segmentId, contactId: 'c_1', enteredAt }]
 */
export async function readMemberships(
  { sql, pipeline }: PostgresHandle,
  { contactIds }: { contactIds: readonly string[] },
): Promise<Membership[]> {
  if (contactIds.length === 0) return []
  const rows = await pipeline.read(sql<(Omit<Membership, 'enteredAt'> & { enteredAt: Date })[]>`
    SELECT segment_id AS "segmentId", contact_id AS "contactId", entered_at AS "enteredAt" FROM segment_members
    WHERE contact_id = ANY(${texts(sql, contactIds)}::text[]) ORDER BY segment_id, contact_id`)
  return rows.map((row) => ({ ...row, enteredAt: row.enteredAt.toISOString() }))
}
