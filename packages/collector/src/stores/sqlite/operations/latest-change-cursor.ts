import type { Database } from 'better-sqlite3'
import { encodeChangeCursor } from '../../change-cursor.js'
import { prepared } from '../prepared.js'

/**
 * The cursor after every change committed so far, or null for an empty feed: reading on
 * from it gives only what commits later (a live view starts there instead of paging
 * through the whole feed).
 *
 * @example
 * const after = latestChangeCursor(reader) ?? undefined
 */
export function latestChangeCursor(db: Database): string | null {
  const seq = prepared<[], number | null>(db, 'SELECT max(seq) FROM changes').pluck().get()
  return seq === null || seq === undefined ? null : encodeChangeCursor({ xid: '0', seq })
}
