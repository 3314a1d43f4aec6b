import type { Transactional } from '../transaction/store-transaction.js'

/**
 * Erases a contact (GDPR) in one transaction: its data, and the personal data of its
 * earlier feed entries; appends `contact.erased`, which carries no personal data.
 * `id` may be an id merged away: the survivor is erased. False when there is no such contact.
 *
 * @example
 * if (!(await eraseContact(store, { id, at: new Date().toISOString() }))) throw notFound(id)
 */
export function eraseContact(store: Transactional, { id, at }: { id: string; at: string }): Promise<boolean> {
  return store.transaction(async (tx) => {
    const erased = await tx.eraseContact({ id })
    if (erased === null) return false
    await tx.appendChanges({ changes: [{ type: 'contact.erased', at, contactId: erased, data: {} }] })
    return true
  })
}
