import { claimContact } from './claim-contact.js'
import type { EventIdentifiers } from './event-identifiers.js'
import type { ContactOperations } from './contact-operations.js'
import { linkAnonymousId, linkPreviousId } from './link-device.js'

/**
 * The contact an event belongs to (docs/identity.md): its userId's, else its email's, else its
 * anonymousId's — creating, completing, linking and merging contacts on the way.
 *
 * @example
 * const contactId = await resolveContact(tx, readEventIdentifiers(event), event.receivedAt)
 */
export async function resolveContact(tx: ContactOperations, ids: EventIdentifiers, at: string): Promise<string> {
  if (ids.userId === null && ids.email === null) return anonymousContact(tx, ids.anonymousId, at)
  let target = await claimContact(tx, ids, at)
  if (ids.previousId !== null) target = await linkPreviousId(tx, target, ids.previousId, at)
  if (ids.anonymousId !== null) await linkAnonymousId(tx, target, ids.anonymousId, at)
  return target.id
}

async function anonymousContact(tx: ContactOperations, anonymousId: string | null, at: string): Promise<string> {
  const known = anonymousId === null ? null : await tx.findContact('anonymousId', anonymousId)
  if (known !== null) return known.id
  // Without any usable identifier the event still needs an owner: a contact of its own,
  // never a shared "unknown" contact that would glue strangers together.
  const created = await tx.createContact(at)
  if (anonymousId !== null) await tx.attachIdentifier(created.id, 'anonymousId', anonymousId, at)
  return created.id
}
