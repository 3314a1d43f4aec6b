import { lastPerPair } from '../../../segments/last-per-pair.js'
import type { SegmentCheckWrite } from '../../../segments/stored-segment.js'
import type { PostgresHandle } from '../postgres-handle.js'
import { textColumn } from '../text-array.js'

/**
 * `scheduleSegmentCheck` for many pairs at once, sent unawaited: one upsert for the pairs
 * with a due time and one delete for those without, whatever their number.
 *
 * @example
 * scheduleSegmentChecks(handle, { checks: [{ segmentId: 'seg_1', contactId: 'c_1', dueAt: null }] })
 */
export function scheduleSegmentChecks(
  { sql, pipeline }: PostgresHandle,
  { checks }: { checks: readonly SegmentCheckWrite[] },
): void {
  const writes = lastPerPair(checks)
  const due = writes.filter((check) => check.dueAt !== null)
  const never = writes.filter((check) => check.dueAt === null)
  if (due.length > 0) {
    pipeline.send(sql`
      INSERT INTO segment_checks (segment_id, contact_id, due_at)
      SELECT * FROM unnest(
        ${textColumn(sql, due, (check) => check.segmentId)}::text[],
        ${textColumn(sql, due, (check) => check.contactId)}::text[],
        ${textColumn(sql, due, (check) => check.dueAt)}::text[]::timestamptz[])
      ON CONFLICT (segment_id, contact_id) DO UPDATE SET due_at = excluded.due_at
      WHERE segment_checks.due_at IS DISTINCT FROM excluded.due_at`)
  }
  if (never.length > 0) {
    pipeline.send(sql`
      DELETE FROM segment_checks AS checks
      USING unnest(
        ${textColumn(sql, never, (check) => check.segmentId)}::text[],
        ${textColumn(sql, never, (check) => check.contactId)}::text[]) AS done (segment_id, contact_id)
      WHERE checks.segment_id = done.segment_id AND checks.contact_id = done.contact_id`)
  }
}
