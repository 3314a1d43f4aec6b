import type { Database } from 'better-sqlite3'
import { decodeChangeCursor, encodeChangeCursor } from '../../change-cursor.js'
import { prepared } from '../prepared.js'

/**
 * Where reading the feed on from `after` would end now, without reading the changes: the
 * cursor of the last one after `after`, else `after` itself.
 *
 * @example
 * lastChangeCursor(db, { after: await lockConsumerCursor(db, { name: 'segments' }) })
 */
export function lastChangeCursor(db: Database, { after }: { after: string | null }): string | null {
  const afterSeq = after === null ? 0 : decodeChangeCursor(after).seq
  const seq = prepared<[number], number | null>(db, 'SELECT max(seq) FROM changes WHERE seq > ?').pluck().get(afterSeq)
  return seq === null || seq === undefined ? after : encodeChangeCursor({ xid: '0', seq })
}
