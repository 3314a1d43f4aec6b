import { MAX_EVENT_BYTES } from '@sillage/protocol'
import type { JsonObject } from '@sillage/protocol'
import type { NormalisedEvent } from '../events/normalised-event.js'
import type { NormaliseResult } from './normalise-result.js'

/**
 * The event, or its refusal when it is over the limit of 32 KB per event (docs/api.md).
 * Measured on the event as stored, in UTF-8: its JSON texts (written once by the
 * normaliser, for this and for the stores), traits, name and ids. The batch context merged
 * in counts; what is not kept (`integrations`, unknown fields) does not.
 *
 * @example
 * return sizeChecked({ source, messageId, …, propertiesJson, contextJson })
 */
export function sizeChecked(event: NormalisedEvent): NormaliseResult {
  const texts = [
    event.propertiesJson,
    event.contextJson,
    event.name,
    event.messageId,
    event.anonymousId,
    event.userId,
    event.email,
  ]
  // Traits are stored as contact attributes, a key per row; only identify calls have any.
  if (hasKeys(event.traits)) texts.push(JSON.stringify(event.traits))
  // A UTF-16 code unit is at most 3 bytes of UTF-8: most events are far enough under the
  // limit that their bytes need no counting (Buffer.byteLength is a call into C++ per text).
  let units = 0
  for (const text of texts) units += text === null ? 0 : text.length
  if (units * 3 <= MAX_EVENT_BYTES) return { ok: true, event }
  let bytes = 0
  for (const text of texts) bytes += text === null ? 0 : utf8Length(text)
  if (bytes <= MAX_EVENT_BYTES) return { ok: true, event }
  const error = `the event is ${bytes} bytes; the limit is ${MAX_EVENT_BYTES} bytes per event, so trim its properties`
  return { ok: false, errors: [error], tooLarge: true }
}

const utf8Length = (text: string) => Buffer.byteLength(text, 'utf8')

function hasKeys(object: JsonObject): boolean {
  for (const _key in object) return true
  return false
}
