import type { StoredEvent } from '@sillage/protocol'
import type { NormalisedEvent } from '../events/normalised-event.js'

/**
 * The event as the event log shows it (`GET /v1/events`), for its `event.stored` feed entry.
 *
 * @example
 * storedEventData(event, contactId) // { messageId, type, name, contactId, …, identity }
 */
export function storedEventData(event: NormalisedEvent, contactId: string): StoredEvent & Record<string, unknown> {
  return {
    messageId: event.messageId,
    type: event.type,
    name: event.name,
    contactId,
    anonymousId: event.anonymousId,
    userId: event.userId,
    email: event.email,
    properties: event.properties,
    context: event.context,
    timestamp: event.timestamp,
    originalTimestamp: event.originalTimestamp,
    sentAt: event.sentAt,
    receivedAt: event.receivedAt,
    identity: event.identity,
  }
}

/**
 * `storedEventData` as JSON text, built around the normaliser's `propertiesJson` and
 * `contextJson` rather than serialising those objects a second time: they are most of an
 * event's bytes, and the feed copies every stored event.
 *
 * @example
 * JSON.parse(storedEventJson(event, contactId)) // deep-equals storedEventData(event, contactId)
 */
export function storedEventJson(event: NormalisedEvent, contactId: string): string {
  const { messageId, type, name, anonymousId, userId, email } = event
  const before = JSON.stringify({ messageId, type, name, contactId, anonymousId, userId, email })
  const { timestamp, originalTimestamp, sentAt, receivedAt, identity } = event
  const after = JSON.stringify({ timestamp, originalTimestamp, sentAt, receivedAt, identity })
  // Same keys in the same order as storedEventData, so both texts are identical.
  return `${before.slice(0, -1)},"properties":${event.propertiesJson},"context":${event.contextJson},${after.slice(1)}`
}
