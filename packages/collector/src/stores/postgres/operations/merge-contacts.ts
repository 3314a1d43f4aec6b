import type { PostgresHandle } from '../postgres-handle.js'

/**
 * Moves everything of `from` into `into`, records the merge and deletes `from`.
 *
 * @example
 * await mergeContacts(handle, { from: anonymousId, into: identifiedId, at })
 */
export async function mergeContacts(
  { sql, pipeline }: PostgresHandle,
  { from: fromId, into: intoId, at }: { from: string; into: string; at: string },
): Promise<void> {
  const [from] = await pipeline.read(sql<{ userId: string | null; email: string | null; createdAt: Date }[]>`
    SELECT user_id AS "userId", email, created_at AS "createdAt" FROM contacts WHERE id = ${fromId} FOR UPDATE`)
  if (from === undefined)
    throw new Error(`PostgreSQL store: no contact ${fromId} to merge (identity rules referenced a deleted contact)`)
  const send = (statement: Parameters<typeof pipeline.send>[0]) => pipeline.send(statement)
  send(sql`UPDATE events SET contact_id = ${intoId} WHERE contact_id = ${fromId}`)
  send(sql`UPDATE anonymous_ids SET contact_id = ${intoId} WHERE contact_id = ${fromId}`)
  send(sql`
    INSERT INTO event_summaries (contact_id, name, count, first, last)
    SELECT ${intoId}, name, count, first, last FROM event_summaries WHERE contact_id = ${fromId}
    ON CONFLICT (contact_id, name) DO UPDATE SET count = event_summaries.count + excluded.count,
      first = least(event_summaries.first, excluded.first), last = greatest(event_summaries.last, excluded.last)`)
  send(sql`DELETE FROM event_summaries WHERE contact_id = ${fromId}`)
  send(sql`
    UPDATE contacts SET last_seen = (SELECT max(last) FROM event_summaries WHERE contact_id = ${intoId})
    WHERE id = ${intoId}`)
  send(sql`
    INSERT INTO contact_attributes (contact_id, key, value, updated_at)
    SELECT ${intoId}, key, value, updated_at FROM contact_attributes WHERE contact_id = ${fromId}
    ON CONFLICT (contact_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
    WHERE excluded.updated_at >= contact_attributes.updated_at`)
  send(sql`DELETE FROM contact_attributes WHERE contact_id = ${fromId}`)
  // The survivor takes the userId/email it lacks; release them first, they are UNIQUE.
  send(sql`UPDATE contacts SET user_id = NULL, email = NULL WHERE id = ${fromId}`)
  send(sql`
    UPDATE contacts SET user_id = coalesce(user_id, ${from.userId}), email = coalesce(email, ${from.email}),
      created_at = least(created_at, ${from.createdAt}), updated_at = ${at} WHERE id = ${intoId}`)
  send(sql`UPDATE contact_merges SET into_id = ${intoId} WHERE into_id = ${fromId}`)
  send(sql`INSERT INTO contact_merges (merged_id, into_id, merged_at) VALUES (${fromId}, ${intoId}, ${at})`)
  send(sql`DELETE FROM contacts WHERE id = ${fromId}`)
}
