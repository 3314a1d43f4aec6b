import type { ContactKeys, IdentifierKind } from '../../../identity/contact-operations.js'
import type { PostgresHandle } from '../postgres-handle.js'

/**
 * The contact holding this identifier, or null; it stays locked (`FOR UPDATE`) until
 * commit, so another collector's transaction waits, then sees this one's outcome.
 *
 * @example
 * await findContact(handle, { kind: 'email', value: 'ann@example.com' })
 */
export async function findContact(
  handle: PostgresHandle,
  { kind, value }: { kind: IdentifierKind; value: string },
): Promise<ContactKeys | null> {
  const { sql, pipeline } = handle
  if (kind !== 'anonymousId') {
    const [contact] = await pipeline.read(sql<ContactKeys[]>`
      SELECT id, user_id AS "userId", email FROM contacts WHERE ${sql(kind === 'userId' ? 'user_id' : 'email')} = ${value} FOR UPDATE`)
    return contact ?? null
  }
  const found = await findDevice(handle, value)
  if (found) return found
  // A device nobody holds yet locks no row, and linking it is an upsert (a device may move
  // to a new person), so two transactions meeting a new device would each create a contact
  // and the second would silently take the device, orphaning the first one's events. Take
  // a lock on the id itself, held until commit, then look again: the second transaction
  // waits here and finds the first one's contact. Two statements, so the second looks with
  // a snapshot taken after the wait; sent together, so one round trip.
  pipeline.send(sql`SELECT pg_advisory_xact_lock(hashtextextended('sillage anonymousId ' || ${value}, 0))`)
  return findDevice(handle, value)
}

async function findDevice({ sql, pipeline }: PostgresHandle, anonymousId: string): Promise<ContactKeys | null> {
  const [contact] = await pipeline.read(sql<ContactKeys[]>`
    SELECT c.id, c.user_id AS "userId", c.email FROM anonymous_ids a JOIN contacts c ON c.id = a.contact_id
    WHERE a.anonymous_id = ${anonymousId} FOR UPDATE`)
  return contact ?? null
}
