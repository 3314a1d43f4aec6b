import type { CollectorMetrics } from '../metrics/collector-metrics.js';
import type { IngestResult, NormalisedEvent, Store } from '../stores/store.js';
/**
 * Hands normalised events to the store and resolves once they are committed, so the
 * caller answers 200 only for what is durable. Counts outcomes and commit time.
 * A store failure propagates unchanged: the error handler turns it into a 503.
 *
 * @example
 * const { accepted, duplicates } = await commitEvents(store, metrics, events)
 */
export declare function commitEvents(store: Store, metrics: CollectorMetrics, events: readonly NormalisedEvent[]): Promise<IngestResult>;
//# sourceMappingURL=commit-events.d.ts.map