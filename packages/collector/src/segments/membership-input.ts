import type { JsonObject } from '@sillage/protocol'

/** A contact as segment conditions see it. `identified` is derived: it has a userId or an email. */
export interface MembershipContact {
  id: string
  email: string | null
  userId: string | null
  attributes: JsonObject
}

/** One of the contact's stored events. `id` only names it in explanations. */
export interface MembershipEvent {
  id: string
  name: string
  /** ISO-8601. */
  timestamp: string
  properties: JsonObject
}

/**
 * What the store keeps of one event name of the contact, whatever retention deleted since:
 * how many, the first and the last timestamp (ISO-8601).
 */
export interface MembershipSummary {
  name: string
  count: number
  first: string
  last: string
}

/** Everything membership depends on: the contact, its history, the clock and other segments. */
export interface MembershipInput {
  contact: MembershipContact
  events: readonly MembershipEvent[]
  /**
   * The contact's per-name summaries; when given, conditions over all time without a
   * property filter read them instead of the events (see `summaryOccurrences`).
   */
  summaries?: readonly MembershipSummary[]
  /** The instant the condition is evaluated at; events after it are not seen yet. */
  now: Date
  /** Whether the contact is a member of another segment (`{"segment": id}`); false when absent. */
  isMemberOf?: (segmentId: string) => boolean
}

/** What a store holds for one contact's membership: the input without the clock. */
export interface StoredMembershipInput {
  contact: MembershipContact
  events: MembershipEvent[]
  summaries: MembershipSummary[]
}
