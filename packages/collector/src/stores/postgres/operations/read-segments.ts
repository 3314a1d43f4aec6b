import type { StoredSegment } from '../../../segments/stored-segment.js'
import type { PostgresHandle } from '../postgres-handle.js'

type Row = Omit<StoredSegment, 'computedAt' | 'createdAt' | 'updatedAt'> & {
  computedAt: Date | null
  createdAt: Date
  updatedAt: Date
}

/**
 * One segment or all of them, oldest first. One segment read stays locked until commit,
 * so an edit and a step of its background computation never overwrite each other.
 *
 * @example
 * await readSegments(handle, {}) // [{ id, name, match, status, … }]
 */
export async function readSegments(
  { sql, pipeline }: PostgresHandle,
  { id }: { id?: string },
): Promise<StoredSegment[]> {
  const rows = await pipeline.read(sql<Row[]>`
    SELECT s.id, s.name, s.description, s.match, s.status, s.progress, s.compute_after AS "computeAfter",
      s.computed_at AS "computedAt", s.created_at AS "createdAt", s.updated_at AS "updatedAt"
    FROM segments s WHERE ${id ?? null}::text IS NULL OR s.id = ${id ?? null}
    ORDER BY s.created_at, s.id ${id === undefined ? sql`` : sql`FOR UPDATE OF s`}`)
  return rows.map((row) => ({
    ...row,
    progress: Number(row.progress),
    computedAt: row.computedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }))
}
