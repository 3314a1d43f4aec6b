import type { EventType, IdentityStatus, JsonObject } from '@sillage/protocol'

/**
 * An event after validation and normalisation, before identity resolution: everything a
 * store needs to persist it, nothing it must compute.
 */
export interface NormalisedEvent {
  /** De-duplication scope: the write key (or `api` for secret-key server calls) it came with. */
  source: string
  messageId: string
  type: EventType
  /** Stored event name: the track event, `page_visited`, `identify`, `alias`, `group`, `screen`. */
  name: string
  anonymousId: string | null
  userId: string | null
  /** Lower-cased, from traits.email, context.traits.email or Brevo identifiers.email_id. */
  email: string | null
  /** `alias` only: the id being merged into `userId`. */
  previousId: string | null
  properties: JsonObject
  /** `properties` as JSON text: serialised once by the normaliser, written as is by stores. */
  propertiesJson: string
  /** `identify` (and Brevo contact_properties): become contact attributes, latest timestamp wins. */
  traits: JsonObject
  context: JsonObject
  /** `context` as JSON text, likewise. */
  contextJson: string
  timestamp: string
  originalTimestamp: string
  sentAt: string | null
  receivedAt: string
  /** `unverified`: claimed a userId/email without a valid user hash; resolved by anonymousId only. */
  identity: IdentityStatus
}

/** A normalised event without its parsed `properties` and `context`: what the identity rules read. */
export type SerialisedEvent = Omit<NormalisedEvent, 'properties' | 'context'>
