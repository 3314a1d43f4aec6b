import type { Sql } from 'postgres'
import type { ContactListPage, ContactListQuery } from '../../../contacts/contact-list.js'
import { decodeContactListCursor, encodeContactListCursor } from '../../contact-list-cursor.js'

interface ContactListRow {
  id: string
  userId: string | null
  email: string | null
  anonymousId: string | null
  createdAt: Date
  updatedAt: Date
  eventCount: string
  lastSeen: Date | null
  activity: Date
}

/**
 * The contacts list: newest activity first (the last event, else the creation: a contact
 * made by an identify alone still has a place), one page at a time, each contact with its
 * summaries' totals.
 *
 * @example
 * await listContacts(sql, { limit: 50, cursor: previous.nextCursor ?? undefined })
 */
export async function listContacts(sql: Sql, query: ContactListQuery): Promise<ContactListPage> {
  const after = query.cursor === undefined ? null : decodeContactListCursor(query.cursor)
  // The ORDER BY is the expression of the contacts_by_activity index, so a page is a walk
  // down that index from the cursor; the totals are looked up for the page's rows only.
  const rows = await sql<ContactListRow[]>`
    SELECT c.id, c.user_id AS "userId", c.email, c.created_at AS "createdAt", c.updated_at AS "updatedAt",
      (SELECT min(anonymous_id) FROM anonymous_ids a WHERE a.contact_id = c.id) AS "anonymousId",
      (SELECT coalesce(sum(count), 0) FROM event_summaries s WHERE s.contact_id = c.id) AS "eventCount",
      c.last_seen AS "lastSeen", coalesce(c.last_seen, c.created_at) AS activity
    FROM contacts c
    ${
      after === null
        ? sql``
        : sql`WHERE (coalesce(c.last_seen, c.created_at), c.id) < (${after.activity}::timestamptz, ${after.id})`
    }
    ORDER BY coalesce(c.last_seen, c.created_at) DESC, c.id DESC LIMIT ${query.limit + 1}`
  const page = rows.slice(0, query.limit)
  const last = page.at(-1)
  return {
    contacts: page.map(({ activity: _activity, createdAt, updatedAt, lastSeen, eventCount, ...contact }) => ({
      ...contact,
      createdAt: createdAt.toISOString(),
      updatedAt: updatedAt.toISOString(),
      eventCount: Number(eventCount),
      lastSeen: lastSeen?.toISOString() ?? null,
    })),
    nextCursor:
      last !== undefined && rows.length > query.limit
        ? encodeContactListCursor({ activity: last.activity.toISOString(), id: last.id })
        : null,
  }
}
