import type { WireEvent } from '@sillage/protocol/types'
import type { IdentityStore } from '../identity/identity.js'
import type { User } from '../identity/merge-user.js'
import { MAX_NAME_LENGTH } from '../limits.js'
import { eventKey } from '../queue/event-key.js'
import type { Cart, IdentifyInput, Properties, Tracker } from '../types.js'
import type { Warn } from '../warn.js'
import { deviceContext, pageProperties } from './context.js'
import { copyProperties } from './copy-properties.js'
import { messageId } from './message-id.js'
import { toJson } from './to-json.js'

type Recorder = Pick<Tracker, 'track' | 'page' | 'identify' | 'cartUpdated' | 'cartDeleted' | 'orderCompleted'>

/** A trimmed non-empty string, or a number as a string; anything else is no value. */
const text = (value: unknown) =>
  typeof value == 'string' ? value.trim() || undefined : typeof value == 'number' ? '' + value : undefined

/**
 * Turns API calls into Segment-spec wire events and hands each one, serialised, to
 * `enqueue` synchronously: `track` returns after the event was handed to the queue.
 *
 * @example
 * const recorder = createRecorder(identity, warn, (key, json) => queue._add(key, json))
 * recorder.track('signup', { plan: 'pro' })
 */
export function createRecorder(
  identity: IdentityStore,
  warn: Warn,
  enqueue: (key: string, json: string) => void,
): Recorder {
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
    const json = toJson(event, warn)
    if (json) enqueue(eventKey(event.timestamp, event.messageId), json)
  }

  const track = (name: string, properties?: Properties) => {
    const event = text(name)
    if (!event) return warn('ignored track() without a name')
    record({ type: 'track', event: event.slice(0, MAX_NAME_LENGTH), properties: copyProperties({}, properties, warn) })
  }

  /** Brevo's cart and order shape: `{ id, data: {…} }`; a flat object becomes its `data`. */
  const commerce = (event: string) => (cart: Cart) => {
    const { id, data, ...flat } = copyProperties({}, cart, warn) as Cart
    track(event, { id, data: data ?? flat })
  }

  return {
    track,
    page(name?: string | Properties, properties?: Properties) {
      if (name && typeof name == 'object') [name, properties] = [undefined, name]
      const pageName = text(name)
      const props: Properties = pageProperties()
      if (pageName) props.name = pageName
      record({ type: 'page', name: pageName, properties: copyProperties(props, properties, warn) })
    },
    identify(input: IdentifyInput) {
      if (!input || typeof input != 'object') return warn('ignored identify() without an object')
      const user: User = {}
      const userId = text(input.userId)
      const email = text(input.email)?.toLowerCase()
      const userHash = text(input.userHash)
      if (userId) user.userId = userId
      if (email) user.email = email
      if (userHash) user.userHash = userHash
      if (!identity._optedOut()) identity._identify(user)
      const traits = copyProperties({}, input.attributes, warn)
      if (email) traits.email = email
      record({ type: 'identify', traits })
    },
    cartUpdated: commerce('cart_updated'),
    cartDeleted: commerce('cart_deleted'),
    orderCompleted: commerce('order_completed'),
  }
}
