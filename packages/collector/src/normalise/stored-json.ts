import { MAX_EVENT_BYTES } from '@sillage/protocol'
import type { JsonObject } from '@sillage/protocol'

/** The parts of an event a store writes, before serialisation. */
export interface StoredParts {
  name: string
  messageId: string
  anonymousId: string | null
  userId: string | null
  email: string | null
  properties: JsonObject
  traits: JsonObject
  context: JsonObject
}

export type StoredJson = { ok: true; propertiesJson: string; contextJson: string } | { ok: false; error: string }

/**
 * `properties` and `context` as the stores write them, serialised here once for every
 * store, and the limit of 32 KB per event (CONTRACT §3.1) checked on the same text: the
 * event as stored, in UTF-8, after the batch context was merged in and without what is
 * not kept (`integrations`, unknown fields). One serialisation serves both; measuring
 * the event as sent took a second one per event.
 *
 * @example
 * const stored = storedJsonOf({ ...payload, context, messageId, anonymousId, userId, email })
 * if (!stored.ok) return { ok: false, errors: [stored.error] }
 */
export function storedJsonOf(parts: StoredParts): StoredJson {
  const propertiesJson = JSON.stringify(parts.properties)
  const contextJson = JSON.stringify(parts.context)
  let bytes = utf8Length(propertiesJson) + utf8Length(contextJson)
  for (const text of [parts.name, parts.messageId, parts.anonymousId, parts.userId, parts.email]) bytes += text === null ? 0 : utf8Length(text)
  // Traits are stored as contact attributes, a key per row; only identify calls have any.
  if (hasKeys(parts.traits)) bytes += utf8Length(JSON.stringify(parts.traits))
  if (bytes > MAX_EVENT_BYTES) {
    return { ok: false, error: `the event is ${bytes} bytes; the limit is ${MAX_EVENT_BYTES} bytes per event, so trim its properties` }
  }
  return { ok: true, propertiesJson, contextJson }
}

const utf8Length = (text: string) => Buffer.byteLength(text, 'utf8')

function hasKeys(object: JsonObject): boolean {
  for (const _key in object) return true
  return false
}
