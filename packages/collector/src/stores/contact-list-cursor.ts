import { InvalidCursorError } from './store.js'

/** Where a contact sits in the contacts list: newest activity first, then by id. */
export interface ContactListPosition {
  /** ISO-8601: the contact's last event, else its creation. */
  activity: string
  id: string
}

/**
 * The opaque `nextCursor` of a contacts page: its last row's position (keyset paging, so
 * contacts active meanwhile move to the top without shifting the pages after).
 *
 * @example
 * encodeContactListCursor({ activity: '2026-01-31T12:00:00.000Z', id: 'c_1' })
 */
export function encodeContactListCursor({ activity, id }: ContactListPosition): string {
  return Buffer.from(JSON.stringify([activity, id])).toString('base64url')
}

/** @example const after = query.cursor === undefined ? null : decodeContactListCursor(query.cursor) */
export function decodeContactListCursor(cursor: string): ContactListPosition {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (Array.isArray(decoded) && decoded.length === 2) {
      const [activity, id] = decoded as unknown[]
      const validActivity = typeof activity === 'string' && !Number.isNaN(Date.parse(activity))
      if (validActivity && typeof id === 'string') return { activity, id }
    }
  } catch {
    // falls through to the error a user can act on
  }
  throw new InvalidCursorError(cursor)
}
