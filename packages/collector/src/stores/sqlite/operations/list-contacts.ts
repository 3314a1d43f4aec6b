import type { Database } from 'better-sqlite3'
import type { ContactListItem, ContactListPage, ContactListQuery } from '../../../contacts/contact-list.js'
import { decodeContactListCursor, encodeContactListCursor } from '../../contact-list-cursor.js'
import { prepared } from '../prepared.js'

type ContactListRow = ContactListItem & { activity: string }

// The first condition alone bounds the index walk: SQLite does not seek an expression
// index on a row-value comparison.
const afterCursor = `WHERE coalesce(c.last_seen, c.created_at) <= @activity
  AND (coalesce(c.last_seen, c.created_at) < @activity OR c.id < @id)`

/**
 * The contacts list query (exported so a test can check its plan). A contact's activity is
 * its last event, else its creation: a contact made by an identify alone still has a place.
 * The ORDER BY is the expression of the contacts_by_activity index, so a page is a walk
 * down that index from the cursor; the totals are looked up for the page's rows only.
 * Timestamps are ISO text in UTC: they sort as text.
 */
export const contactListSql = (after: boolean) => `
  SELECT c.id, c.user_id AS userId, c.email, c.created_at AS createdAt, c.updated_at AS updatedAt,
    (SELECT min(anonymous_id) FROM anonymous_ids a WHERE a.contact_id = c.id) AS anonymousId,
    (SELECT coalesce(sum(count), 0) FROM event_summaries s WHERE s.contact_id = c.id) AS eventCount,
    c.last_seen AS lastSeen, coalesce(c.last_seen, c.created_at) AS activity
  FROM contacts c
  ${after ? afterCursor : ''}
  ORDER BY coalesce(c.last_seen, c.created_at) DESC, c.id DESC LIMIT @limit`

/**
 * The contacts list: newest activity first, one page at a time, each contact with its
 * summaries' totals.
 *
 * @example
 * listContacts(reader, { limit: 50, cursor: previous.nextCursor ?? undefined })
 */
export function listContacts(db: Database, query: ContactListQuery): ContactListPage {
  const after = query.cursor === undefined ? null : decodeContactListCursor(query.cursor)
  const rows = prepared<object, ContactListRow>(db, contactListSql(after !== null)).all({
    ...after,
    limit: query.limit + 1,
  })
  const page = rows.slice(0, query.limit)
  const last = page.at(-1)
  return {
    contacts: page.map(({ activity: _activity, ...contact }) => contact),
    nextCursor: last !== undefined && rows.length > query.limit ? encodeContactListCursor(last) : null,
  }
}
