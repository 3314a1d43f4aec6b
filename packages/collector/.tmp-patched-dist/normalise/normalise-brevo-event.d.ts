import type { NormalisedEvent } from '../stores/store.js';
import type { RequestFacts } from './request-facts.js';
export type BrevoNormaliseResult = {
    ok: true;
    event: NormalisedEvent;
} | {
    ok: false;
    errors: string[];
};
/**
 * A Brevo Events API event (`POST /v3/events`) → a stored `track` event: `event_name`
 * is the name, `identifiers.email_id` the email, `ext_id` the userId,
 * `event_properties` the properties and `contact_properties` the contact attributes.
 * Brevo's own `contact_id` and `phone_id` mean nothing to Sillage's contacts; they
 * are kept under `context.brevo` so nothing the sender said is lost.
 *
 * @example
 * normaliseBrevoEvent({ event_name: 'order_completed', identifiers: { email_id: 'a@b.co' } }, facts)
 */
export declare function normaliseBrevoEvent(raw: unknown, facts: RequestFacts): BrevoNormaliseResult;
//# sourceMappingURL=normalise-brevo-event.d.ts.map