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

/** Everything membership depends on: the contact, its history, the clock and other segments. */
export interface MembershipInput {
  contact: MembershipContact
  events: readonly MembershipEvent[]
  /** The instant the condition is evaluated at; events after it are not seen yet. */
  now: Date
  /** Whether the contact is a member of another segment (`{"segment": id}`); false when absent. */
  isMemberOf?: (segmentId: string) => boolean
}
