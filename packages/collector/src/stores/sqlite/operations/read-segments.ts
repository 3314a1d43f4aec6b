import type { Database } from 'better-sqlite3'
import type { SegmentWithSize } from '../../../segments/stored-segment.js'
import { prepared } from '../prepared.js'

type Row = Omit<SegmentWithSize, 'match'> & { match: string }

const columns = `s.id, s.name, s.description, s.match, s.status, s.progress, s.compute_after AS computeAfter,
  s.computed_at AS computedAt, s.created_at AS createdAt, s.updated_at AS updatedAt,
  (SELECT count(*) FROM segment_members m JOIN contacts c ON c.id = m.contact_id WHERE m.segment_id = s.id) AS size`

/**
 * One segment or all of them (oldest first), each with its number of members. Members
 * whose contact is gone (erased, merged away) and not yet handled are not counted.
 *
 * @example
 * readSegments(db, {}) // [{ id, name, …, size: 12 }]
 */
export function readSegments(db: Database, { id }: { id?: string }): SegmentWithSize[] {
  const rows =
    id === undefined
      ? prepared<[], Row>(db, `SELECT ${columns} FROM segments s ORDER BY s.created_at, s.id`).all()
      : prepared<[string], Row>(db, `SELECT ${columns} FROM segments s WHERE s.id = ?`).all(id)
  return rows.map((row) => ({ ...row, match: JSON.parse(row.match) }))
}
