import type { WireEvent } from '@sillage/protocol/types'
import type { IdentityStore } from '../identity/identity.js'
import { MAX_NAME_LENGTH } from '../limits.js'
import { eventKey } from '../queue/event-key.js'
import type { Queue } from '../queue/queue.js'
import type { Delivery } from '../transport/delivery.js'
import type { Cart, IdentifyInput, Properties, Tracker } from '../types.js'
import type { Warn } from '../warn.js'
import { deviceContext, pageProperties } from './context.js'
import { copyProperties } from './copy-properties.js'
import { messageId } from './message-id.js'
import { toJson } from './to-json.js'

/** Most events kept in memory while the visitor has not chosen (`requireConsent`); later ones are dropped. */
const MAX_WAITING_FOR_CONSENT = 100

/** A trimmed non-empty string, or a number as a string; anything else is no value. */
const text = (value: unknown) =>
  typeof value == 'number' ? '' + value : (typeof value == 'string' && value.trim()) || undefined

/**
 * The tracker's methods: turns calls into Segment-spec wire events and queues each one,
 * serialised, synchronously (`track` returns after the IndexedDB write was issued).
 *
 * @example
 * const tracker = createRecorder(identity, queue, delivery, warn)
 * tracker.track('signup', { plan: 'pro' })
 */
export function createRecorder(identity: IdentityStore, queue: Queue, delivery: Delivery, warn: Warn): Tracker {
  const record = (fields: Pick<WireEvent, 'type' | 'event' | 'name' | 'properties' | 'traits'>) => {
    if (identity._optedOut()) return
    const { anonymousId, userId, email, userHash } = identity._current()
    const context = deviceContext()
    if (email) context.traits = { email }
    if (userHash) context.userHash = userHash
    const event: WireEvent = {
      ...fields,
      messageId: messageId(),
      anonymousId,
      userId,
      context,
      timestamp: new Date().toISOString(),
    }
    if (identity._held() && waiting.length >= MAX_WAITING_FOR_CONSENT) return warn('queue-full')
    if (waiting.push(event) < 2) enqueue()
  }
  // Events not queued yet, oldest first: tracked before consent (`requireConsent`), or
  // while the page has JSON.stringify broken (a polyfill, a "fix"; retried together on one
  // timer, so that they keep their order).
  const waiting: WireEvent[] = []
  const enqueue = () => {
    if (identity._held()) return
    try {
      JSON.stringify(0)
    } catch {
      return setTimeout(enqueue, 1000)
    }
    for (const event of waiting.splice(0)) {
      const json = toJson(event, warn)
      if (json) queue._add(eventKey(event.timestamp, event.messageId), json)
    }
    delivery._added()
  }

  const track = (name: string, properties?: Properties) => {
    const event = text(name)
    if (!event) return warn('no-event-name')
    record({ type: 'track', event: event.slice(0, MAX_NAME_LENGTH), properties: copyProperties({}, properties, warn) })
  }

  /** Also consent given: what waited in memory is queued and sent. */
  const optIn = () => {
    identity._consent()
    enqueue()
  }

  /** Sent as given: Brevo's `{ id, data: {…} }` or a flat cart, both documented. */
  const commerce = (event: string) => (cart: Cart) => track(event, cart)

  const tracker: Tracker = {
    track,
    page(name?: string, properties?: Properties) {
      const pageName = text(name)
      // (No name: `name: undefined`, which JSON leaves out.)
      record({
        type: 'page',
        name: pageName,
        properties: copyProperties({ ...pageProperties(), name: pageName }, properties, warn),
      })
    },
    identify(input: IdentifyInput) {
      const email = text(input.email)?.toLowerCase()
      if (!identity._optedOut())
        identity._identify({ userId: text(input.userId), email, userHash: text(input.userHash) })
      const traits = copyProperties({}, input.attributes, warn)
      if (email) traits.email = email
      record({ type: 'identify', traits })
    },
    cartUpdated: commerce('cart_updated'),
    cartDeleted: commerce('cart_deleted'),
    orderCompleted: commerce('order_completed'),
    flush: delivery._flush,
    reset: identity._reset,
    optOut() {
      // Held: nothing was ever stored (and reading IndexedDB would create the database).
      if (!identity._held()) void queue._read().then(queue._remove)
      waiting.length = 0
      identity._optOut()
    },
    optIn,
    consent: (granted: boolean) => (granted ? optIn() : tracker.optOut()),
  }
  return tracker
}
