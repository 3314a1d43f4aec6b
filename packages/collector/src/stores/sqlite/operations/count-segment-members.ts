import type { Database } from 'better-sqlite3'
import { prepared } from '../prepared.js'

/**
 * The number of members of each segment (0 when none). Members whose contact is gone
 * (erased, merged away) and not yet handled are not counted.
 *
 * @example
 * countSegmentMembers(db, { segmentIds: ['seg_1'] }) // { seg_1: 12 }
 */
export function countSegmentMembers(
  db: Database,
  { segmentIds }: { segmentIds: readonly string[] },
): Record<string, number> {
  const rows = prepared<[string], { segmentId: string; size: number }>(
    db,
    `SELECT m.segment_id AS segmentId, count(*) AS size FROM segment_members m JOIN contacts c ON c.id = m.contact_id
     WHERE m.segment_id IN (SELECT value FROM json_each(?)) GROUP BY m.segment_id`,
  ).all(JSON.stringify(segmentIds))
  const sizes = Object.fromEntries(rows.map((row) => [row.segmentId, row.size]))
  return Object.fromEntries(segmentIds.map((id) => [id, sizes[id] ?? 0]))
}
