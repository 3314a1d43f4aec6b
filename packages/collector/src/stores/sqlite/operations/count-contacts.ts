import type { Database } from 'better-sqlite3'
import type { ContactCounts } from '../../../contacts/contact-counts.js'
import { prepared } from '../prepared.js'

/**
 * How many contacts there are, identified (a userId or an email) and anonymous.
 *
 * @example
 * countContacts(reader) // { identified: 12, anonymous: 340 }
 */
export function countContacts(db: Database): ContactCounts {
  const row = prepared<[], { identified: number | null; anonymous: number | null }>(
    db,
    `SELECT sum(user_id IS NOT NULL OR email IS NOT NULL) AS identified,
       sum(user_id IS NULL AND email IS NULL) AS anonymous FROM contacts`,
  ).get()
  return { identified: row?.identified ?? 0, anonymous: row?.anonymous ?? 0 }
}
