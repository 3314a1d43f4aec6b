import type { Database } from 'better-sqlite3'
import type { StoredSegment } from '../../../segments/stored-segment.js'
import { prepared } from '../prepared.js'

type Row = Omit<StoredSegment, 'match'> & { match: string }

const columns = `s.id, s.name, s.description, s.match, s.status, s.progress, s.compute_after AS computeAfter,
  s.computed_at AS computedAt, s.created_at AS createdAt, s.updated_at AS updatedAt`

/**
 * One segment or all of them, oldest first.
 *
 * @example
 * readSegments(db, {}) // [{ id, name, match, status, … }]
 */
export function readSegments(db: Database, { id }: { id?: string }): StoredSegment[] {
  const rows =
    id === undefined
      ? prepared<[], Row>(db, `SELECT ${columns} FROM segments s ORDER BY s.created_at, s.id`).all()
      : prepared<[string], Row>(db, `SELECT ${columns} FROM segments s WHERE s.id = ?`).all(id)
  return rows.map((row) => ({ ...row, match: JSON.parse(row.match) }))
}
