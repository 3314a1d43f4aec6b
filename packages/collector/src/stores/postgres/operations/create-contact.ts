import type { PostgresHandle } from '../postgres-handle.js'

/**
 * A new contact without identifiers (sent unawaited: the rules need no answer).
 *
 * @example
 * createContact(handle, { id: newContactId(), at })
 */
export function createContact({ sql, pipeline }: PostgresHandle, { id, at }: { id: string; at: string }): void {
  pipeline.send(sql`INSERT INTO contacts (id, created_at, updated_at) VALUES (${id}, ${at}, ${at})`)
}
