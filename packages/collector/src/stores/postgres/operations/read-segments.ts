import type { SegmentWithSize } from '../../../segments/stored-segment.js'
import type { PostgresHandle } from '../postgres-handle.js'

type Row = Omit<SegmentWithSize, 'computedAt' | 'createdAt' | 'updatedAt' | 'size'> & {
  computedAt: Date | null
  createdAt: Date
  updatedAt: Date
  size: string
}

/**
 * One segment or all of them (oldest first), each with its number of members. Members
 * whose contact is gone (erased, merged away) and not yet handled are not counted. One
 * segment read stays locked until commit, so an edit and a step of its background
 * computation never overwrite each other.
 *
 * @example
 * await readSegments(handle, {}) // [{ id, name, …, size: 12 }]
 */
export async function readSegments(
  { sql, pipeline }: PostgresHandle,
  { id }: { id?: string },
): Promise<SegmentWithSize[]> {
  const rows = await pipeline.read(sql<Row[]>`
    SELECT s.id, s.name, s.description, s.match, s.status, s.progress, s.compute_after AS "computeAfter",
      s.computed_at AS "computedAt", s.created_at AS "createdAt", s.updated_at AS "updatedAt",
      (SELECT count(*) FROM segment_members m JOIN contacts c ON c.id = m.contact_id WHERE m.segment_id = s.id) AS size
    FROM segments s WHERE ${id ?? null}::text IS NULL OR s.id = ${id ?? null}
    ORDER BY s.created_at, s.id ${id === undefined ? sql`` : sql`FOR UPDATE OF s`}`)
  return rows.map((row) => ({
    ...row,
    progress: Number(row.progress),
    size: Number(row.size),
    computedAt: row.computedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  }))
}
