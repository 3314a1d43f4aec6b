import { canMerge, isAnonymousOnly } from './can-merge.js'
import type { ContactKeys, ContactOperations } from './contact-operations.js'

/**
 * Ties the device's anonymousId to the identified contact of the same event. A contact
 * known only by device ids is merged in with its past events (back-fill). A contact that
 * somebody already claimed is another person on the same device (shared computer): the
 * anonymousId moves to `target` from now on and that person's history stays theirs.
 *
 * @example
 * await linkAnonymousId(tx, identifiedContact, event.anonymousId, event.receivedAt)
 */
export async function linkAnonymousId(
  tx: ContactOperations,
  target: ContactKeys,
  anonymousId: string,
  at: string,
): Promise<void> {
  const holder = await tx.findContact('anonymousId', anonymousId)
  if (holder?.id === target.id) return
  if (holder !== null && isAnonymousOnly(holder)) return tx.mergeContacts(holder.id, target.id, at)
  await tx.attachIdentifier(target.id, 'anonymousId', anonymousId, at)
}

/**
 * `alias(previousId, userId)`: an explicit statement that two ids are one person, so the
 * previous contact is merged whenever the never-merge rule allows (not only when it is
 * anonymous). Returns `target` as it is after the merge.
 *
 * @example
 * target = await linkPreviousId(tx, target, event.previousId, event.receivedAt)
 */
export async function linkPreviousId(
  tx: ContactOperations,
  target: ContactKeys,
  previousId: string,
  at: string,
): Promise<ContactKeys> {
  const byUserId = await tx.findContact('userId', previousId)
  const holder = byUserId ?? (await tx.findContact('anonymousId', previousId))
  if (holder?.id === target.id) return target
  if (holder !== null && canMerge(holder, target)) {
    await tx.mergeContacts(holder.id, target.id, at)
    return { id: target.id, userId: target.userId ?? holder.userId, email: target.email ?? holder.email }
  }
  // An unknown previousId is a device id we have not seen yet; one held by another
  // person's device moves like a shared computer's; another person's userId stays theirs.
  if (byUserId === null) await tx.attachIdentifier(target.id, 'anonymousId', previousId, at)
  return target
}
