import type { Database } from 'better-sqlite3'
import type { ContactListItem, ContactListPage, ContactListQuery } from '../../../contacts/contact-list.js'
import { decodeContactListCursor, encodeContactListCursor } from '../../contact-list-cursor.js'
import { prepared } from '../prepared.js'

type ContactListRow = ContactListItem & { activity: string }

// A contact's activity is its last event, else its creation: a contact made by an identify
// alone still has a place in the list. Timestamps are ISO text in UTC, so they sort as text.
const listSql = (after: boolean) => `
  SELECT * FROM (
    SELECT c.id, c.user_id AS userId, c.email, c.created_at AS createdAt, c.updated_at AS updatedAt,
      (SELECT min(anonymous_id) FROM anonymous_ids a WHERE a.contact_id = c.id) AS anonymousId,
      coalesce(s.eventCount, 0) AS eventCount, s.lastSeen, coalesce(s.lastSeen, c.created_at) AS activity
    FROM contacts c
    LEFT JOIN (
      SELECT contact_id, sum(count) AS eventCount, max(last) AS lastSeen FROM event_summaries GROUP BY contact_id
    ) s ON s.contact_id = c.id
  )
  ${after ? 'WHERE activity < @activity OR (activity = @activity AND id < @id)' : ''}
  ORDER BY activity DESC, id DESC LIMIT @limit`

/**
 * The contacts list: newest activity first, one page at a time, each contact with its
 * summaries' totals.
 *
 * @example
 * listContacts(reader, { limit: 50, cursor: previous.nextCursor ?? undefined })
 */
export function listContacts(db: Database, query: ContactListQuery): ContactListPage {
  const after = query.cursor === undefined ? null : decodeContactListCursor(query.cursor)
  const rows = prepared<object, ContactListRow>(db, listSql(after !== null)).all({ ...after, limit: query.limit + 1 })
  const page = rows.slice(0, query.limit)
  const last = page.at(-1)
  return {
    contacts: page.map(({ activity: _activity, ...contact }) => contact),
    nextCursor: last !== undefined && rows.length > query.limit ? encodeContactListCursor(last) : null,
  }
}
