import type { PostgresHandle } from '../postgres-handle.js'

/**
 * Records that a contact entered (kept with its first entry time) or left a segment;
 * true when it changed anything.
 *
 * @example
 * await setMembership(handle, { segmentId: 'seg_1', contactId: 'c_1', member: true, at }) // true: entered
 */
export async function setMembership(
  { sql, pipeline }: PostgresHandle,
  { segmentId, contactId, member, at }: { segmentId: string; contactId: string; member: boolean; at: string },
): Promise<boolean> {
  const rows = member
    ? await pipeline.read(sql`
        INSERT INTO segment_members (segment_id, contact_id, entered_at) VALUES (${segmentId}, ${contactId}, ${at})
        ON CONFLICT DO NOTHING RETURNING 1`)
    : await pipeline.read(
        sql`DELETE FROM segment_members WHERE segment_id = ${segmentId} AND contact_id = ${contactId} RETURNING 1`,
      )
  return rows.length > 0
}
