import type { ContactDetail } from '@sillage/protocol'
import type { StoreTransaction } from '../../transaction/store-transaction.js'
import type { ContactReads } from './contact-reads.js'

/**
 * The contacts of a page of changes, as the engine's steps read them: on the first read,
 * every contact of the page in one query, in the engine's transaction (so a contact is
 * seen as soon as the change that names it, whatever the readers' snapshot); a contact
 * outside the page is read alone. Events still come from `store`.
 *
 * @example
 * const reads = new PageContacts({ tx, contactIds: changes.map((c) => c.contactId), store })
 * const snapshot = await contactSnapshot(reads, run.contactId)
 */
export class PageContacts implements ContactReads {
  private loaded: Promise<Map<string, ContactDetail | null>> | null = null

  constructor(private readonly options: { tx: StoreTransaction; contactIds: readonly string[]; store: ContactReads }) {}

  async getContact(id: string): Promise<ContactDetail | null> {
    const { tx, contactIds } = this.options
    this.loaded ??= readAll(tx, contactIds)
    const contacts = await this.loaded
    if (contacts.has(id)) return contacts.get(id)!
    const [contact] = await tx.readContacts({ ids: [id] })
    return contact ?? null
  }

  listEvents: ContactReads['listEvents'] = (query) => this.options.store.listEvents(query)
}

/** Each id asked, with the contact it resolves to (itself or a merge's survivor), or null. */
async function readAll(tx: StoreTransaction, ids: readonly string[]): Promise<Map<string, ContactDetail | null>> {
  const asked = [...new Set(ids)]
  const contacts = new Map<string, ContactDetail | null>(asked.map((id) => [id, null]))
  for (const contact of await tx.readContacts({ ids: asked })) {
    for (const id of [contact.id, ...contact.mergedFrom]) if (contacts.has(id)) contacts.set(id, contact)
  }
  return contacts
}
