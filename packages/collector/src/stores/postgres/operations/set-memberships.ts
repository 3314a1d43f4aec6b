import { lastPerPair } from '../../../segments/last-per-pair.js'
import type { MembershipWrite } from '../../../segments/stored-segment.js'
import type { PostgresHandle } from '../postgres-handle.js'
import { textColumn } from '../text-array.js'

/**
 * `setMembership` for many pairs at once, sent unawaited: one statement for the entries
 * (each kept with its first entry time) and one for the exits, whatever their number, so
 * a batch of re-evaluations costs no round trip per change.
 *
 * @example
 * setMemberships(handle, { memberships: [{ segmentId: 'seg_1', contactId: 'c_1', member: true, at }] })
 */
export function setMemberships(
  { sql, pipeline }: PostgresHandle,
  { memberships }: { memberships: readonly MembershipWrite[] },
): void {
  const writes = lastPerPair(memberships)
  const entries = writes.filter((write) => write.member)
  const exits = writes.filter((write) => !write.member)
  if (entries.length > 0) {
    pipeline.send(sql`
      INSERT INTO segment_members (segment_id, contact_id, entered_at)
      SELECT * FROM unnest(
        ${textColumn(sql, entries, (entry) => entry.segmentId)}::text[],
        ${textColumn(sql, entries, (entry) => entry.contactId)}::text[],
        ${textColumn(sql, entries, (entry) => entry.at)}::text[]::timestamptz[])
      ON CONFLICT DO NOTHING`)
  }
  if (exits.length > 0) {
    pipeline.send(sql`
      DELETE FROM segment_members AS member
      USING unnest(
        ${textColumn(sql, exits, (exit) => exit.segmentId)}::text[],
        ${textColumn(sql, exits, (exit) => exit.contactId)}::text[]) AS gone (segment_id, contact_id)
      WHERE member.segment_id = gone.segment_id AND member.contact_id = gone.contact_id`)
  }
}
