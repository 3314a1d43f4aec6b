import type { Database } from 'better-sqlite3'
import type { SummaryBump } from '../../../transaction/store-transaction.js'
import { prepared } from '../prepared.js'

/**
 * count += bump.count, first = min, last = max, per (contact, name).
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
  for (const { contactId, name, count, first, last } of bumps) bump.run(contactId, name, count, first, last)
}
