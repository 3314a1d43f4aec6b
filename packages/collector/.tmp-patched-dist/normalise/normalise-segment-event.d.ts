import type { JsonObject } from '@sillage/protocol';
import type { NormalisedEvent } from '../stores/store.js';
import type { NormaliseOptions, RequestFacts } from './request-facts.js';
/** Batch-level fields every event of a batch inherits. */
export interface BatchDefaults {
    context: JsonObject;
    sentAt: string | undefined;
}
export type NormaliseResult = {
    ok: true;
    event: NormalisedEvent;
} | {
    ok: false;
    errors: string[];
};
/**
 * One Segment-spec event, as sent, → what the store persists (CONTRACT §3.3):
 * validated, batch context merged under its own, identity checked, clock skew
 * corrected, messageId generated when absent.
 *
 * @example
 * const result = normaliseSegmentEvent(rawEvent, { context: {}, sentAt }, facts, { identitySecret })
 * if (result.ok) events.push(result.event)
 */
export declare function normaliseSegmentEvent(raw: JsonObject, batch: BatchDefaults, facts: RequestFacts, options: NormaliseOptions): NormaliseResult;
//# sourceMappingURL=normalise-segment-event.d.ts.map