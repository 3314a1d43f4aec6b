import type { Database } from 'better-sqlite3'
import type { IdentifierKind } from '../../../identity/contact-operations.js'
import { prepared } from '../prepared.js'

/**
 * Gives the contact a userId or email (replacing its previous one), or moves an anonymousId to it.
 *
 * @example
 * attachIdentifier(db, { contactId, kind: 'anonymousId', value: 'device-1', at })
 */
export function attachIdentifier(
  db: Database,
  { contactId, kind, value, at }: { contactId: string; kind: IdentifierKind; value: string; at: string },
): void {
  if (kind === 'userId')
    prepared(db, 'UPDATE contacts SET user_id = ?, updated_at = ? WHERE id = ?').run(value, at, contactId)
  else if (kind === 'email')
    prepared(db, 'UPDATE contacts SET email = ?, updated_at = ? WHERE id = ?').run(value, at, contactId)
  else {
    prepared(
      db,
      `INSERT INTO anonymous_ids (anonymous_id, contact_id, linked_at) VALUES (?, ?, ?)
       ON CONFLICT (anonymous_id) DO UPDATE SET contact_id = excluded.contact_id, linked_at = excluded.linked_at`,
    ).run(value, contactId, at)
    prepared(db, 'UPDATE contacts SET updated_at = ? WHERE id = ?').run(at, contactId)
  }
}
