import type { PostgresHandle } from '../postgres-handle.js'

/**
 * Deletes a segment, its memberships and its due checks; false when there was none.
 *
 * @example
 * await deleteSegment(handle, { id: 'seg_1' }) // true
 */
export async function deleteSegment({ sql, pipeline }: PostgresHandle, { id }: { id: string }): Promise<boolean> {
  pipeline.send(sql`DELETE FROM segment_members WHERE segment_id = ${id}`)
  pipeline.send(sql`DELETE FROM segment_checks WHERE segment_id = ${id}`)
  const rows = await pipeline.read(sql`DELETE FROM segments WHERE id = ${id} RETURNING id`)
  return rows.length > 0
}
