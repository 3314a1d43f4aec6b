/** The two identifiers a contact holds at most once each; anonymousIds are many. */
export type ClaimKind = 'userId' | 'email'

export type IdentifierKind = ClaimKind | 'anonymousId'

/** What the identity rules need to know about a contact to decide on a merge. */
export interface ContactKeys {
  id: string
  userId: string | null
  email: string | null
}

/**
 * The contact operations the identity rules (resolve, claim, link, merge) decide with,
 * inside one transaction. The ingest pipeline provides them on top of the store's
 * transaction; the rules never see a store.
 */
export interface ContactOperations {
  /** The contact currently holding this identifier, or null. */
  findContact(kind: IdentifierKind, value: string): Promise<ContactKeys | null>
  /** A new contact without identifiers. `at` becomes its createdAt and updatedAt. */
  createContact(at: string): Promise<ContactKeys>
  /**
   * Gives the contact this identifier. For userId/email it replaces the contact's
   * previous value (precondition: no other contact holds `value`); for anonymousId it
   * moves the id from whichever contact held it (shared computer: history stays there).
   */
  attachIdentifier(contactId: string, kind: IdentifierKind, value: string, at: string): Promise<void>
  /** Moves everything of `fromId` into `intoId`. Precondition: `canMerge` of the two. */
  mergeContacts(fromId: string, intoId: string, at: string): Promise<void>
}
