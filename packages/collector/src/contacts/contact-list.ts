/** One row of the contacts list: who, and the totals of their event summaries. */
export interface ContactListItem {
  id: string
  userId: string | null
  email: string | null
  /** One of the contact's devices (the smallest id), to name an anonymous contact; null when it has none. */
  anonymousId: string | null
  createdAt: string
  updatedAt: string
  /** Events stored for the contact, all names together. */
  eventCount: number
  /** The newest event's timestamp; null for a contact without events. */
  lastSeen: string | null
}

export interface ContactListQuery {
  /** 1–1000. */
  limit: number
  /** Opaque, from a previous page's `nextCursor`. */
  cursor?: string
}

/** Contacts by latest activity (their last event, else their creation), newest first. */
export interface ContactListPage {
  contacts: ContactListItem[]
  nextCursor: string | null
}
