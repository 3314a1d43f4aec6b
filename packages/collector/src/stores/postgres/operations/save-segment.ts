import type { StoredSegment } from '../../../segments/stored-segment.js'
import type { PostgresHandle } from '../postgres-handle.js'

/**
 * Creates or replaces a segment's row: definition and computation state together.
 *
 * @example
 * saveSegment(handle, { segment: { ...segment, status: 'ready', progress: 1 } })
 */
export function saveSegment({ sql, pipeline }: PostgresHandle, { segment: s }: { segment: StoredSegment }): void {
  pipeline.send(sql`
    INSERT INTO segments
      (id, name, description, match, status, progress, compute_after, computed_at, created_at, updated_at)
    VALUES (${s.id}, ${s.name}, ${s.description}, ${JSON.stringify(s.match)}::text::json, ${s.status}, ${s.progress},
      ${s.computeAfter}, ${s.computedAt}, ${s.createdAt}, ${s.updatedAt})
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, description = excluded.description, match = excluded.match,
      status = excluded.status, progress = excluded.progress, compute_after = excluded.compute_after,
      computed_at = excluded.computed_at, updated_at = excluded.updated_at`)
}
