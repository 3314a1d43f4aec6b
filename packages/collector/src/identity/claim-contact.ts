import { canMerge } from './can-merge.js'
import type { EventIdentifiers } from './event-identifiers.js'
import type { ContactKeys, ContactOperations, IdentifierKind } from './contact-operations.js'

/**
 * The contact an event's userId/email claim belongs to, created or completed as needed:
 * the userId's contact, else the email's (when it holds no other userId), else the
 * device's contact when nothing it holds contradicts the claim (first login on a device,
 * or an email-only contact whose userId now arrives), else a new contact.
 *
 * @example
 * const contact = await claimContact(tx, { userId: 'u1', email: 'a@x.io', anonymousId: 'd1', previousId: null }, at)
 */
export async function claimContact(tx: ContactOperations, ids: EventIdentifiers, at: string): Promise<ContactKeys> {
  const claims = { userId: ids.userId, email: ids.email }
  const byUserId = claims.userId === null ? null : await tx.findContact('userId', claims.userId)
  const byEmail = claims.email === null ? null : await tx.findContact('email', claims.email)
  const target =
    byUserId ??
    (byEmail !== null && canMerge(byEmail, claims) ? byEmail : null) ??
    (await deviceContactFitting(tx, ids)) ??
    (await tx.createContact(at))

  let userId = target.userId
  if (claims.userId !== null && userId === null) {
    await tx.attachIdentifier(target.id, 'userId', claims.userId, at)
    userId = claims.userId
  }
  const claimed = { id: target.id, userId, email: target.email }
  if (claims.email === null || target.email === claims.email) return claimed
  return { ...claimed, email: await takeEmail(tx, claimed, byEmail, claims.email, at) }
}

/** The contact of the alias's previousId or of the device, if the claim may complete it. */
async function deviceContactFitting(tx: ContactOperations, ids: EventIdentifiers): Promise<ContactKeys | null> {
  const lookups: Array<[IdentifierKind, string | null]> = [
    ['userId', ids.previousId],
    ['anonymousId', ids.previousId],
    ['anonymousId', ids.anonymousId],
  ]
  // In order, and only until one fits: on PostgreSQL each lookup is a round trip that locks.
  for (const [kind, value] of lookups) {
    const contact = value === null ? null : await tx.findContact(kind, value)
    if (contact !== null && canMerge(contact, ids)) return contact
  }
  return null
}

/**
 * Gives `target` the claimed email and returns the email it ends up with. An email held
 * by a contact we may merge is taken by merging it in; one held by a contact we may not
 * merge stays there (two people sharing an address stay two contacts); a free email
 * replaces the old one (the person changed address).
 */
async function takeEmail(
  tx: ContactOperations,
  target: ContactKeys,
  byEmail: ContactKeys | null,
  email: string,
  at: string,
): Promise<string | null> {
  if (byEmail === null) {
    await tx.attachIdentifier(target.id, 'email', email, at)
    return email
  }
  if (!canMerge(byEmail, target)) return target.email
  await tx.mergeContacts(byEmail.id, target.id, at)
  return email
}
