import type { Change } from '../events/change.js'

/** A contact merged into the one exported, and when. */
export interface ContactMerge {
  mergedId: string
  mergedAt: string
}

/** What the store keeps about a contact besides its record and events (see `readContactHistory`). */
export interface ContactHistory {
  /** The contacts merged into it, oldest merge first. */
  merges: ContactMerge[]
  /** Its feed entries and those of the contacts merged into it, in feed order. */
  changes: Change[]
}
