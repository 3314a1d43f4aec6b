import type { ContactKeys } from './contact-operations.js'

type Claims = Pick<ContactKeys, 'userId' | 'email'>

/**
 * The never-merge rule (docs/identity.md): two contacts that each hold a different userId, or
 * each hold a different email, are different people — merging them is how "log in as"
 * features corrupted PostHog profiles (PostHog#5527). Everything else may be one person.
 *
 * @example
 * canMerge({ userId: 'u1', email: null }, { userId: null, email: 'a@x.io' }) // true
 * canMerge({ userId: 'u1', email: null }, { userId: 'u2', email: null })     // false
 */
export function canMerge(a: Claims, b: Claims): boolean {
  const differentUserIds = a.userId !== null && b.userId !== null && a.userId !== b.userId
  const differentEmails = a.email !== null && b.email !== null && a.email !== b.email
  return !differentUserIds && !differentEmails
}

/** A contact known only by device ids: nobody has claimed it yet, so any claim may absorb it. */
export function isAnonymousOnly(contact: ContactKeys): boolean {
  return contact.userId === null && contact.email === null
}
