import { MAX_EVENT_BYTES } from '@sillage/protocol'
import type { JsonObject, RejectedEvent } from '@sillage/protocol'
import type { NormalisedEvent } from '../stores/store.js'
import { normaliseSegmentEvent } from './normalise-segment-event.js'
import type { BatchDefaults } from './normalise-segment-event.js'
import type { NormaliseOptions, RequestFacts } from './request-facts.js'
import { mayHoldLoneSurrogate, wellFormedJson } from './well-formed-json.js'

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
  batch.forEach((sent, index) => {
    const { raw, bytes } = wellFormedEventOf(sent)
    const messageId = isObject(raw) && typeof raw.messageId === 'string' ? raw.messageId.slice(0, 100) : null
    const errors = sizeErrors(bytes) ?? (isObject(raw) ? null : ['the event must be a JSON object'])
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

/**
 * The event with lone surrogates replaced, and its UTF-8 size as JSON. One
 * `JSON.stringify` serves both: the size limit needs it anyway, and the text it writes
 * tells whether the (costlier) surrogate walk is needed at all.
 */
function wellFormedEventOf(sent: unknown): { raw: unknown; bytes: number } {
  const json = JSON.stringify(sent) ?? ''
  if (!mayHoldLoneSurrogate(json)) return { raw: sent, bytes: Buffer.byteLength(json) }
  const raw = wellFormedJson(sent)
  // The limit applies to the event as stored, where U+FFFD takes 3 bytes, not the 6 of its escape.
  return { raw, bytes: raw === sent ? Buffer.byteLength(json) : Buffer.byteLength(JSON.stringify(raw) ?? '') }
}

function sizeErrors(bytes: number): string[] | null {
  if (bytes <= MAX_EVENT_BYTES) return null
  return [`the event is ${bytes} bytes; the limit is ${MAX_EVENT_BYTES} bytes per event, so trim its properties`]
}

const isObject = (value: unknown): value is JsonObject => value !== null && typeof value === 'object' && !Array.isArray(value)
