import type { Database } from 'better-sqlite3'
import type { ContactKeys, IdentifierKind } from '../../../identity/contact-operations.js'
import { prepared } from '../prepared.js'

const keys = 'c.id AS id, c.user_id AS userId, c.email AS email'
const byKind: Record<IdentifierKind, string> = {
  userId: `SELECT ${keys} FROM contacts c WHERE c.user_id = ?`,
  email: `SELECT ${keys} FROM contacts c WHERE c.email = ?`,
  anonymousId: `SELECT ${keys} FROM anonymous_ids a JOIN contacts c ON c.id = a.contact_id WHERE a.anonymous_id = ?`,
}

/**
 * The contact holding this identifier, or null.
 *
 * @example
 * findContact(db, { kind: 'email', value: 'ann@example.com' })
 */
export function findContact(
  db: Database,
  { kind, value }: { kind: IdentifierKind; value: string },
): ContactKeys | null {
  return prepared<[string], ContactKeys>(db, byKind[kind]).get(value) ?? null
}
