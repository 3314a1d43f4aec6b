import type { EventType, IdentityStatus, JsonObject } from '@sillage/protocol'
import type { NormalisedEvent } from '../../events/normalised-event.js'

/** Minute `n` of a fixed test day, as the normaliser writes timestamps. */
export function minute(n: number): string {
  return new Date(Date.UTC(2024, 4, 1, 10, n)).toISOString()
}

/** The short form scenarios use to describe an event. */
export interface EventSpec {
  messageId: string
  anon?: string
  userId?: string
  email?: string
  previousId?: string
  type?: EventType
  name?: string
  at?: number
  identity?: IdentityStatus
  traits?: JsonObject
  properties?: JsonObject
  source?: string
}

/** A complete NormalisedEvent from a spec; `identity` follows the ids unless given. */
export function makeEvent(spec: EventSpec): NormalisedEvent {
  const type = spec.type ?? (spec.previousId !== undefined ? 'alias' : 'track')
  const claims = spec.userId !== undefined || spec.email !== undefined
  const timestamp = minute(spec.at ?? 0)
  const properties = spec.properties ?? { plan: 'pro', nested: { list: [1, 'two', null] } }
  const context = { ip: '203.0.113.9', userAgent: 'vitest', page: { path: '/pricing' } }
  return {
    source: spec.source ?? 'wk_test',
    messageId: spec.messageId,
    type,
    name: spec.name ?? (type === 'track' ? 'button_clicked' : type),
    anonymousId: spec.anon ?? null,
    userId: spec.userId ?? null,
    email: spec.email ?? null,
    previousId: spec.previousId ?? null,
    properties,
    propertiesJson: JSON.stringify(properties),
    traits: spec.traits ?? {},
    context,
    contextJson: JSON.stringify(context),
    timestamp,
    originalTimestamp: timestamp,
    sentAt: null,
    receivedAt: timestamp,
    identity: spec.identity ?? (claims ? 'identified' : 'anonymous'),
  }
}
