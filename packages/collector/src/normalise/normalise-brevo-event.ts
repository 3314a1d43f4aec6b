import { brevoEventSchema, formatIssues } from '@sillage/protocol'
import type { BrevoEvent, JsonObject } from '@sillage/protocol'
import { correctClockSkew } from './correct-clock-skew.js'
import { deriveMessageId } from './derive-message-id.js'
import type { NormaliseOptions, RequestFacts } from './request-facts.js'
import { storedAddress } from './stored-address.js'
import type { NormaliseResult } from './normalise-result.js'
import { sizeChecked } from './stored-size.js'
import { usableEmail, usableIdentifier } from './usable-identifier.js'

/**
 * A Brevo Events API event (`POST /v3/events`) → a stored `track` event: `event_name`
 * is the name, `identifiers.email_id` the email, `ext_id` the userId,
 * `event_properties` the properties and `contact_properties` the contact attributes.
 * Brevo's own `contact_id` and phone numbers mean nothing to Sillage's contacts; they
 * are kept under `context.brevo`, with the event's `object`, so nothing the sender said is lost.
 *
 * @example
 * normaliseBrevoEvent({ event_name: 'order_completed', identifiers: { email_id: 'a@b.co' } }, facts)
 */
export function normaliseBrevoEvent(
  raw: unknown,
  facts: RequestFacts,
  options: NormaliseOptions = {},
): NormaliseResult {
  const parsed = brevoEventSchema.safeParse(raw)
  if (!parsed.success) return { ok: false, errors: formatIssues(parsed.error.issues) }
  const event = parsed.data
  const userId = usableIdentifier(event.identifiers.ext_id)
  const email = usableEmail(event.identifiers.email_id)
  if (!userId && !email) {
    const error =
      'identifiers: needs a usable email_id or ext_id; contact_id and phone numbers alone cannot be matched to a Sillage contact'
    return { ok: false, errors: [error] }
  }
  const receivedAt = facts.receivedAt.getTime()
  // No sentAt on this API, so no skew correction; a future date is still clamped.
  const originalTimestamp = event.event_date === undefined ? receivedAt : Date.parse(event.event_date)
  const brevo = brevoOnlyFields(event)
  const context: JsonObject = {
    ip: storedAddress(facts.ip, options.ipStorage ?? 'truncated'),
    userAgent: facts.userAgent,
    ...(Object.keys(brevo).length > 0 ? { brevo } : {}),
  }
  const properties = event.event_properties ?? {}
  return sizeChecked({
    source: facts.source,
    messageId: deriveMessageId(facts.source, raw as JsonObject, event.event_date !== undefined),
    type: 'track',
    name: event.event_name,
    anonymousId: null,
    userId,
    email,
    previousId: null,
    properties,
    propertiesJson: JSON.stringify(properties),
    traits: event.contact_properties ?? {},
    context,
    contextJson: JSON.stringify(context),
    timestamp: new Date(correctClockSkew(originalTimestamp, null, receivedAt)).toISOString(),
    originalTimestamp: new Date(originalTimestamp).toISOString(),
    sentAt: null,
    receivedAt: facts.receivedAt.toISOString(),
    identity: 'identified',
  })
}

/** What only Brevo can resolve: its contact id, phone numbers, and the object record. */
function brevoOnlyFields(event: BrevoEvent): JsonObject {
  const { contact_id, phone_id, landline_number_id, whatsapp_id } = event.identifiers
  const kept: JsonObject = {}
  for (const [name, value] of Object.entries({ contact_id, phone_id, landline_number_id, whatsapp_id })) {
    if (value) kept[name] = value
  }
  if (event.object) kept.object = event.object
  return kept
}
