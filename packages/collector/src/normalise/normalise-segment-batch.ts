import { MAX_EVENT_BYTES } from '@sillage/protocol'
import type { JsonObject, RejectedEvent } from '@sillage/protocol'
import type { NormalisedEvent } from '../stores/store.js'
import { normaliseSegmentEvent } from './normalise-segment-event.js'
import type { BatchDefaults } from './normalise-segment-event.js'
import type { NormaliseOptions, RequestFacts } from './request-facts.js'
import { wellFormedJson } from './well-formed-json.js'

export interface NormalisedBatch {
  events: NormalisedEvent[]
  rejected: RejectedEvent[]
}

/**
 * Normalises each event of a batch on its own, so one bad event is rejected (with its
 * index, messageId and reasons) while the others are stored. Lone surrogates become
 * U+FFFD first (see `wellFormedJson`).
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
  const batchDefaults = { ...defaults, context: wellFormedJson(defaults.context) }
  batch.map(wellFormedJson).forEach((raw, index) => {
    const messageId = isObject(raw) && typeof raw.messageId === 'string' ? raw.messageId.slice(0, 100) : null
    const errors = sizeErrors(raw) ?? (isObject(raw) ? null : ['the event must be a JSON object'])
    if (errors) {
      rejected.push({ index, messageId, errors })
      return
    }
    const result = normaliseSegmentEvent(raw as JsonObject, batchDefaults, facts, options)
    if (result.ok) events.push(result.event)
    else rejected.push({ index, messageId, errors: result.errors })
  })
  return { events, rejected }
}

function sizeErrors(raw: unknown): string[] | null {
  const bytes = Buffer.byteLength(JSON.stringify(raw) ?? '')
  if (bytes <= MAX_EVENT_BYTES) return null
  return [`the event is ${bytes} bytes; the limit is ${MAX_EVENT_BYTES} bytes per event, so trim its properties`]
}

const isObject = (value: unknown): value is JsonObject => value !== null && typeof value === 'object' && !Array.isArray(value)
