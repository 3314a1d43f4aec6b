import type { JsonObject } from '@sillage/protocol'
import type { EventToStore } from '../transaction/store-transaction.js'

/** What one ingest committed: the counts the HTTP answer gives, and what the feed records. */
export interface IngestOutcome {
  /** Events newly stored. */
  accepted: number
  /** Events whose (source, messageId) was already stored: acknowledged, not stored again. */
  duplicates: number
  /** The stored events with the contact each was filed under at that moment, in order. */
  stored: EventToStore[]
  /** Ids of the contacts created. */
  created: string[]
  merges: Array<{ from: string; into: string }>
  /** Attributes set from traits, per contact, in order. */
  updated: Array<{ contactId: string; attributes: JsonObject }>
}
