import type { IdentifierKind } from '../../../identity/contact-operations.js'
import type { PostgresHandle } from '../postgres-handle.js'

/**
 * Gives the contact a userId or email (replacing its previous one), or moves an anonymousId to it.
 *
 * @example
 * attachIdentifier(handle, { contactId, kind: 'anonymousId', value: 'device-1', at })
 */
export function attachIdentifier(
  { sql, pipeline }: PostgresHandle,
  { contactId, kind, value, at }: { contactId: string; kind: IdentifierKind; value: string; at: string },
): void {
  if (kind === 'anonymousId') {
    pipeline.send(sql`
      INSERT INTO anonymous_ids (anonymous_id, contact_id, linked_at) VALUES (${value}, ${contactId}, ${at})
      ON CONFLICT (anonymous_id) DO UPDATE SET contact_id = excluded.contact_id, linked_at = excluded.linked_at`)
    pipeline.send(sql`UPDATE contacts SET updated_at = ${at} WHERE id = ${contactId}`)
    return
  }
  pipeline.send(
    sql`UPDATE contacts SET ${sql(kind === 'userId' ? 'user_id' : 'email')} = ${value}, updated_at = ${at} WHERE id = ${contactId}`,
  )
}
