import type { RejectedEvent } from '@sillage/protocol';
import type { NormalisedEvent } from '../stores/store.js';
import type { BatchDefaults } from './normalise-segment-event.js';
import type { NormaliseOptions, RequestFacts } from './request-facts.js';
export interface NormalisedBatch {
    events: NormalisedEvent[];
    rejected: RejectedEvent[];
}
/**
 * Normalises each event of a batch on its own, so one bad event is rejected (with its
 * index, messageId and reasons) while the others are stored.
 *
 * @example
 * const { events, rejected } = normaliseSegmentBatch(envelope.batch, { context: {}, sentAt }, facts, {})
 */
export declare function normaliseSegmentBatch(batch: readonly unknown[], defaults: BatchDefaults, facts: RequestFacts, options: NormaliseOptions): NormalisedBatch;
//# sourceMappingURL=normalise-segment-batch.d.ts.map