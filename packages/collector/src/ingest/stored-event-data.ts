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
