import { MAX_EVENT_BYTES } from '@sillage/protocol'
import type { JsonObject } from '@sillage/protocol'
import type { NormalisedEvent } from '../stores/store.js'
import type { NormaliseResult } from './normalise-result.js'

/**
 * The event, or its refusal when it is over the limit of 32 KB per event (CONTRACT §3.1).
 * Measured on the event as stored, in UTF-8: its JSON texts (written once by the
 * normaliser, for this and for the stores), traits, name and ids. The batch context merged
 * in counts; what is not kept (`integrations`, unknown fields) does not.
 *
 * @example
 * return sizeChecked({ source, messageId, …, propertiesJson, contextJson })
 */
export function sizeChecked(event: NormalisedEvent): NormaliseResult {
  let bytes = utf8Length(event.propertiesJson) + utf8Length(event.contextJson)
  for (const text of [event.name, event.messageId, event.anonymousId, event.userId, event.email]) bytes += text === null ? 0 : utf8Length(text)
  // Traits are stored as contact attributes, a key per row; only identify calls have any.
  if (hasKeys(event.traits)) bytes += utf8Length(JSON.stringify(event.traits))
  if (bytes <= MAX_EVENT_BYTES) return { ok: true, event }
  const error = `the event is ${bytes} bytes; the limit is ${MAX_EVENT_BYTES} bytes per event, so trim its properties`
  return { ok: false, errors: [error], tooLarge: true }
}

const utf8Length = (text: string) => Buffer.byteLength(text, 'utf8')

function hasKeys(object: JsonObject): boolean {
  for (const _key in object) return true
  return false
}
