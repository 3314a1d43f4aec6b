import type { PostgresHandle } from '../postgres-handle.js'

/**
 * Sets when a (segment, contact) pair must be re-checked, or removes its check (null).
 *
 * @example
 * scheduleSegmentCheck(handle, { segmentId: 'seg_1', contactId: 'c_1', dueAt: '2024-05-15T00:00:00.000Z' })
 */
export function scheduleSegmentCheck(
  { sql, pipeline }: PostgresHandle,
  { segmentId, contactId, dueAt }: { segmentId: string; contactId: string; dueAt: string | null },
): void {
  if (dueAt === null) {
    pipeline.send(sql`DELETE FROM segment_checks WHERE segment_id = ${segmentId} AND contact_id = ${contactId}`)
    return
  }
  pipeline.send(sql`
    INSERT INTO segment_checks (segment_id, contact_id, due_at) VALUES (${segmentId}, ${contactId}, ${dueAt})
    ON CONFLICT (segment_id, contact_id) DO UPDATE SET due_at = excluded.due_at
      WHERE segment_checks.due_at IS DISTINCT FROM excluded.due_at`)
}
