import type { Database } from 'better-sqlite3'
import { prepared } from '../prepared.js'

/**
 * A new contact without identifiers.
 *
 * @example
 * createContact(db, { id: newContactId(), at: event.receivedAt })
 */
export function createContact(db: Database, { id, at }: { id: string; at: string }): void {
  prepared<[string, string, string]>(db, 'INSERT INTO contacts (id, created_at, updated_at) VALUES (?, ?, ?)').run(
    id,
    at,
    at,
  )
}
