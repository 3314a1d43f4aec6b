import { formatIssues, segmentEventSchema } from '@sillage/protocol'
import type { JsonObject } from '@sillage/protocol'
import { canonicalSegmentEvent } from './canonical-segment-event.js'
import { cookielessAnonymousId } from '../privacy/cookieless-anonymous-id.js'
import { correctClockSkew } from './correct-clock-skew.js'
import { deriveMessageId } from './derive-message-id.js'
import { isoTime } from './iso-time.js'
import type { NormaliseOptions, RequestFacts } from './request-facts.js'
import { resolveIdentity } from './resolve-identity.js'
import { segmentPayload } from './segment-payload.js'
import type { NormaliseResult } from './normalise-result.js'
import { storedAddress } from './stored-address.js'
import { sizeChecked } from './stored-size.js'
import { usableEmail, usableIdentifier } from './usable-identifier.js'

/** Batch-level fields every event of a batch inherits. */
export interface BatchDefaults {
  context: JsonObject
  sentAt: string | undefined
}

/**
 * One Segment-spec event, as sent, → what the store persists (docs/api.md, what is stored):
 * null fields dropped and RudderStack's identify traits read (`canonicalSegmentEvent`),
 * validated, batch context merged under its own, identity checked, clock skew
 * corrected, messageId generated when absent, size limit checked. Lone surrogates were
 * replaced when the body was parsed (`parseJsonText`).
 *
 * @example
 * const result = normaliseSegmentEvent(rawEvent, { context: {}, sentAt }, facts, { identitySecret })
 * if (result.ok) events.push(result.event)
 */
export function normaliseSegmentEvent(
  raw: JsonObject,
  batch: BatchDefaults,
  facts: RequestFacts,
  options: NormaliseOptions,
): NormaliseResult {
  const parsed = segmentEventSchema.safeParse(canonicalSegmentEvent(raw))
  if (!parsed.success) return { ok: false, errors: formatIssues(parsed.error.issues) }
  const event = parsed.data

  const { userHash, context: mergedContext } = mergeContexts(batch.context, event.context)
  const traits = event.type === 'identify' ? (event.traits ?? {}) : {}
  const contextTraits = isObject(mergedContext.traits) ? mergedContext.traits : {}
  // The cookieless tracker keeps nothing on the device: its visitor is known for the day only,
  // by the full address and agent the event is attributed to (hashed here, never stored).
  const anonymous = cookielessAnonymousId(usableIdentifier(event.anonymousId), {
    salt: facts.cookielessSalt,
    source: facts.source,
    address: typeof mergedContext.ip === 'string' ? mergedContext.ip : facts.ip,
    userAgent: typeof mergedContext.userAgent === 'string' ? mergedContext.userAgent : facts.userAgent,
  })
  if (!anonymous.ok) return { ok: false, errors: [anonymous.error] }
  const identity = resolveIdentity(
    {
      anonymousId: anonymous.anonymousId,
      userId: usableIdentifier(event.userId),
      email: usableEmail(traits.email) ?? usableEmail(contextTraits.email),
      userHash,
    },
    { identitySecret: options.identitySecret, trusted: facts.trusted },
  )
  if (!identity.ok) return { ok: false, errors: [identity.error] }

  const previousId = event.type === 'alias' ? usableIdentifier(event.previousId) : null
  if (event.type === 'alias' && !previousId) {
    return {
      ok: false,
      errors: [`previousId: "${event.previousId}" is a placeholder value, not an id that can be merged`],
    }
  }

  const receivedAt = facts.receivedAt.getTime()
  const sentAtText = batch.sentAt ?? event.sentAt
  const sentAt = sentAtText === undefined ? null : Date.parse(sentAtText)
  const deviceTimestamp = event.timestamp ?? event.originalTimestamp
  const originalTimestamp = deviceTimestamp === undefined ? (sentAt ?? receivedAt) : Date.parse(deviceTimestamp)
  const timestamp = correctClockSkew(originalTimestamp, sentAt, receivedAt)
  if (!isValidTime(timestamp)) {
    return {
      ok: false,
      errors: [
        'timestamp: after clock-skew correction it falls outside the representable dates; check the device clock',
      ],
    }
  }

  // mergedContext is this event's own copy, so it becomes the stored context as is: an
  // address or agent it already holds keeps its place, as it would in a spread.
  const context = mergedContext
  // Server libraries pass the end user's address and agent; otherwise the request's. Either
  // way the address is stored only in the form the collector's --ip-storage allows.
  context.ip = storedAddress(typeof context.ip === 'string' ? context.ip : facts.ip, options.ipStorage ?? 'truncated')
  if (typeof context.userAgent !== 'string') context.userAgent = facts.userAgent
  const messageId = event.messageId ?? deriveMessageId(facts.source, raw, deviceTimestamp !== undefined)
  // Fields spelt out, not spread: a spread here cost several times this function's own work.
  const { name, properties, traits: storedTraits } = segmentPayload(event, context)
  return sizeChecked({
    source: facts.source,
    messageId,
    type: event.type,
    name,
    properties,
    propertiesJson: JSON.stringify(properties),
    traits: storedTraits,
    anonymousId: identity.anonymousId,
    userId: identity.userId,
    email: identity.email,
    previousId,
    context,
    contextJson: JSON.stringify(context),
    timestamp: isoTime(timestamp),
    originalTimestamp: isoTime(originalTimestamp),
    sentAt: sentAt === null ? null : isoTime(sentAt),
    receivedAt: isoTime(receivedAt),
    identity: identity.identity,
  })
}

/**
 * A fresh object with the batch context under the event's own, without `userHash`
 * (a credential for this request, never stored). Copied once: the rest pattern that
 * drops a key costs a second copy, paid only when the key is there.
 */
function mergeContexts(
  batchContext: JsonObject,
  eventContext: JsonObject | undefined,
): { userHash: unknown; context: JsonObject } {
  const merged: JsonObject = { ...batchContext, ...eventContext }
  if (!Object.hasOwn(merged, 'userHash')) return { userHash: undefined, context: merged }
  const { userHash, ...context } = merged
  return { userHash, context }
}

const isObject = (value: unknown): value is JsonObject =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
const isValidTime = (ms: number) => Number.isFinite(ms) && Math.abs(ms) <= 8.64e15
