import type { JsonObject } from '@sillage/protocol'

/** What a change-feed entry records. Later features add their own (`segment.entered`…). */
export type ChangeType =
  | 'event.stored'
  | 'contact.created'
  | 'contact.merged'
  | 'contact.updated'
  | 'contact.erased'
  | 'segment.entered'
  | 'segment.exited'

/** A change as a transaction appends it; the store gives it its cursor on commit. */
export interface NewChange {
  type: ChangeType
  /** ISO-8601: when the change happened. */
  at: string
  /** The contact it concerns, as it was at that moment (a later merge does not rewrite it). */
  contactId: string | null
  /** `null` once erased: an erasure removes the personal data of the contact's earlier entries. */
  data: JsonObject | null
  /**
   * `data` as JSON text, when the writer has it at hand (an event's is mostly the
   * normaliser's own text): stores write it instead of serialising `data` again.
   */
  dataJson?: string
}

/** A committed change, as readers of the feed see it. */
export interface Change extends NewChange {
  /** Opaque: pass it back as `after` to read the changes committed after this one. */
  cursor: string
}

export interface ChangeQuery {
  /** Omitted: from the oldest change kept. */
  after?: string
  /** 1–1000. */
  limit: number
}

export interface ChangePage {
  changes: Change[]
  /** The last change's cursor, or `after` when nothing came (null only for an empty feed read from the start). */
  nextCursor: string | null
}
