import { Counter } from './counter.js';
import { Histogram } from './histogram.js';
export interface CollectorMetrics {
    /** `method`, `route` (the registered pattern, never the raw path), `status`. */
    requests: Counter;
    /** `outcome`: accepted, duplicate or rejected. */
    events: Counter;
    /** Seconds spent in `store.ingest`, i.e. until the batch is committed. */
    ingestDuration: Histogram;
    storeErrors: Counter;
    /** The Prometheus text exposition of all of the above. */
    render(): string;
}
/**
 * The collector's metrics, one set per app so two apps in one process (tests) do not mix.
 *
 * @example
 * const metrics = createCollectorMetrics()
 * metrics.events.inc({ outcome: 'accepted' }, 3)
 */
export declare function createCollectorMetrics(): CollectorMetrics;
//# sourceMappingURL=collector-metrics.d.ts.map