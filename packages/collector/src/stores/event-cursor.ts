import { InvalidCursorError } from './store.js'

/** Where an event sits in the event log: newest first by timestamp, then by insertion order. */
export interface EventPosition {
  timestamp: string
  /** Insertion order within the store; never reused. */
  seq: number
}

/**
 * The opaque `nextCursor` of an event page: the position of its last event. Keyset
 * pagination, so events inserted meanwhile never shift a page (no repeats, no gaps).
 *
 * @example
 * const nextCursor = page.length === limit ? encodeEventCursor(last) : null
 */
export function encodeEventCursor(position: EventPosition): string {
  return Buffer.from(JSON.stringify([position.timestamp, position.seq])).toString('base64url')
}

/** @example const after = query.cursor === undefined ? null : decodeEventCursor(query.cursor) */
export function decodeEventCursor(cursor: string): EventPosition {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (Array.isArray(decoded) && decoded.length === 2) {
      const [timestamp, seq] = decoded as unknown[]
      if (typeof timestamp === 'string' && !Number.isNaN(Date.parse(timestamp)) && Number.isSafeInteger(seq))
        return { timestamp, seq: seq as number }
    }
  } catch {
    // falls through to the error a user can act on
  }
  throw new InvalidCursorError(cursor)
}
