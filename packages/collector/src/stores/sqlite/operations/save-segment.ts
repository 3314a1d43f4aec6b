import type { Database } from 'better-sqlite3'
import type { StoredSegment } from '../../../segments/stored-segment.js'
import { prepared } from '../prepared.js'

/**
 * Creates or replaces a segment's row: definition and computation state together.
 *
 * @example
 * saveSegment(db, { segment: { ...segment, status: 'ready', progress: 1 } })
 */
export function saveSegment(db: Database, { segment }: { segment: StoredSegment }): void {
  prepared(
    db,
    `INSERT INTO segments
      (id, name, description, match, status, progress, compute_after, computed_at, created_at, updated_at)
     VALUES (@id, @name, @description, @match, @status, @progress, @computeAfter, @computedAt, @createdAt, @updatedAt)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, description = excluded.description, match = excluded.match,
       status = excluded.status, progress = excluded.progress, compute_after = excluded.compute_after,
       computed_at = excluded.computed_at, updated_at = excluded.updated_at`,
  ).run({ ...segment, match: JSON.stringify(segment.match) })
}
