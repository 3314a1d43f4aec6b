import type { PostgresHandle } from '../postgres-handle.js'

/**
 * GDPR erasure of the contact `id` resolves to (locked first): its feed entries lose their
 * personal data, then its events, identities, summaries, attributes and merge records go.
 * The erased events' (source, messageId) are kept — no personal data — so a late retry
 * stays a duplicate instead of bringing the person back. Returns its id, or null.
 *
 * @example
 * await eraseContact(handle, { id }) // 'c_…' or null
 */
export async function eraseContact(
  { sql, pipeline }: PostgresHandle,
  { id: given }: { id: string },
): Promise<string | null> {
  const [contact] = await pipeline.read(sql<{ id: string }[]>`
    SELECT id FROM contacts WHERE id = coalesce((SELECT into_id FROM contact_merges WHERE merged_id = ${given}), ${given}) FOR UPDATE`)
  if (contact === undefined) return null
  const { id } = contact
  pipeline.send(sql`
    UPDATE changes SET data = NULL
    WHERE contact_id = ${id} OR contact_id IN (SELECT merged_id FROM contact_merges WHERE into_id = ${id})`)
  pipeline.send(sql`
    INSERT INTO erased_messages (source, message_id) SELECT source, message_id FROM events WHERE contact_id = ${id}
    ON CONFLICT DO NOTHING`)
  pipeline.send(sql`DELETE FROM events WHERE contact_id = ${id}`)
  pipeline.send(sql`DELETE FROM anonymous_ids WHERE contact_id = ${id}`)
  pipeline.send(sql`DELETE FROM event_summaries WHERE contact_id = ${id}`)
  pipeline.send(sql`DELETE FROM contact_attributes WHERE contact_id = ${id}`)
  pipeline.send(sql`DELETE FROM contact_merges WHERE into_id = ${id}`)
  pipeline.send(sql`DELETE FROM contacts WHERE id = ${id}`)
  return id
}
