import type { Database } from 'better-sqlite3'
import type { SummaryBump } from '../../../transaction/store-transaction.js'
import { prepared } from '../prepared.js'

/**
 * count += bump.count, first = min, last = max, per (contact, name); and the contact's
 * `last_seen` (the newest of its summaries' last, which orders the contacts list) raised
 * in the same transaction.
 *
 * @example
 * bumpSummaries(db, { bumps: [{ contactId, name: 'page_visited', count: 2, first, last }] })
 */
export function bumpSummaries(db: Database, { bumps }: { bumps: readonly SummaryBump[] }): void {
  const bump = prepared<[string, string, number, string, string]>(
    db,
    `INSERT INTO event_summaries (contact_id, name, count, first, last) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (contact_id, name) DO UPDATE SET
       count = count + excluded.count, first = min(first, excluded.first), last = max(last, excluded.last)`,
  )
  const raiseLastSeen = prepared<{ id: string; last: string }>(
    db,
    'UPDATE contacts SET last_seen = @last WHERE id = @id AND (last_seen IS NULL OR last_seen < @last)',
  )
  for (const { contactId, name, count, first, last } of bumps) {
    bump.run(contactId, name, count, first, last)
    raiseLastSeen.run({ id: contactId, last })
  }
}
