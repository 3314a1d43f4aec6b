import { InvalidCursorError } from './store.js'

/**
 * Where a change sits in the feed: PostgreSQL orders by the writing transaction's id, then
 * by sequence; SQLite, whose one writer makes the sequence the commit order, uses 0 as `xid`.
 */
export interface ChangePosition {
  /** A transaction id (xid8) as decimal text. */
  xid: string
  seq: number
}

/**
 * The opaque cursor of a feed entry.
 *
 * @example
 * encodeChangeCursor({ xid: '0', seq: 42 }) // 'MC40Mg'
 */
export function encodeChangeCursor({ xid, seq }: ChangePosition): string {
  return Buffer.from(`${xid}.${seq}`).toString('base64url')
}

/** @example const after = decodeChangeCursor(query.after) */
export function decodeChangeCursor(cursor: string): ChangePosition {
  const match = /^(\d{1,20})\.(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('latin1'))
  if (match === null || encodeChangeCursor({ xid: match[1]!, seq: Number(match[2]) }) !== cursor)
    throw new InvalidCursorError(cursor)
  return { xid: match[1]!, seq: Number(match[2]) }
}
