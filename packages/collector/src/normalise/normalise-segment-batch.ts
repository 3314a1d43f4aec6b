import type { JsonObject, RejectedEvent } from '@sillage/protocol'
import type { NormalisedEvent } from '../events/normalised-event.js'
import { normaliseSegmentEvent } from './normalise-segment-event.js'
import type { BatchDefaults } from './normalise-segment-event.js'
import type { NormaliseOptions, RequestFacts } from './request-facts.js'

export interface NormalisedBatch {
  events: NormalisedEvent[]
  rejected: RejectedEvent[]
}

/**
 * Normalises each event of a batch on its own, so one bad event is rejected (with its
 * index, messageId and reasons) while the others are stored.
 *
 * @example
 * const { events, rejected } = normaliseSegmentBatch(envelope.batch, { context: {}, sentAt }, facts, {})
 */
export function normaliseSegmentBatch(
  batch: readonly unknown[],
  defaults: BatchDefaults,
  facts: RequestFacts,
  options: NormaliseOptions,
): NormalisedBatch {
  const events: NormalisedEvent[] = []
  const rejected: RejectedEvent[] = []
  batch.forEach((raw, index) => {
    if (!isObject(raw))
      return void rejected.push({ index, messageId: null, errors: ['the event must be a JSON object'] })
    const result = normaliseSegmentEvent(raw, defaults, facts, options)
    if (result.ok) return void events.push(result.event)
    const messageId = typeof raw.messageId === 'string' ? raw.messageId.slice(0, 100) : null
    rejected.push({ index, messageId, errors: result.errors })
  })
  return { events, rejected }
}

const isObject = (value: unknown): value is JsonObject =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
