import type { PendingQuery, Row } from 'postgres'
import type { SummaryBump } from '../../../transaction/store-transaction.js'
import type { PostgresHandle } from '../postgres-handle.js'
import { texts } from '../text-array.js'

/**
 * Adds a batch's bumps to the event summaries (at most one bump per contact and name):
 * one VALUES row for one bump, `unnest` for several. Then raises each contact's
 * `last_seen` (the newest of its summaries' last, which orders the contacts list) in the
 * same transaction. Both sent unawaited.
 *
 * @example
 * bumpSummaries(handle, { bumps: [{ contactId, name: 'page_visited', count: 3, first, last }] })
 */
export function bumpSummaries({ sql, pipeline }: PostgresHandle, { bumps }: { bumps: readonly SummaryBump[] }): void {
  const rows: PendingQuery<Row[]> =
    bumps.length === 1
      ? sql`VALUES (${bumps[0]!.contactId}::text, ${bumps[0]!.name}::text, ${bumps[0]!.count}::integer,
          ${bumps[0]!.first}::text::timestamptz, ${bumps[0]!.last}::text::timestamptz)`
      : sql`SELECT * FROM unnest(
          ${texts(
            sql,
            bumps.map((b) => b.contactId),
          )}::text[], ${texts(
            sql,
            bumps.map((b) => b.name),
          )}::text[],
          ${sql.array(
            bumps.map((b) => b.count),
            23,
          )}::integer[],
          ${texts(
            sql,
            bumps.map((b) => b.first),
          )}::timestamptz[], ${texts(
            sql,
            bumps.map((b) => b.last),
          )}::timestamptz[])`
  pipeline.send(sql`
    INSERT INTO event_summaries (contact_id, name, count, first, last) ${rows}
    ON CONFLICT (contact_id, name) DO UPDATE SET count = event_summaries.count + excluded.count,
      first = least(event_summaries.first, excluded.first), last = greatest(event_summaries.last, excluded.last)`)
  pipeline.send(sql`
    UPDATE contacts c SET last_seen = raised.last
    FROM (
      SELECT contact_id, max(last) AS last FROM (${rows}) AS bumped (contact_id, name, count, first, last)
      GROUP BY contact_id
    ) raised
    WHERE c.id = raised.contact_id AND (c.last_seen IS NULL OR c.last_seen < raised.last)`)
}
