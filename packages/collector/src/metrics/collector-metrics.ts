import { Counter } from './counter.js'
import { Histogram } from './histogram.js'

export interface CollectorMetrics {
  /** `method`, `route` (the registered pattern, never the raw path), `status`. */
  requests: Counter
  /** `outcome`: accepted, duplicate or rejected. */
  events: Counter
  /** Seconds spent in `store.ingest`, i.e. until the batch is committed. */
  ingestDuration: Histogram
  storeErrors: Counter
  /** The Prometheus text exposition of all of the above. */
  render(): string
}

/**
 * The collector's metrics, one set per app so two apps in one process (tests) do not mix.
 *
 * @example
 * const metrics = createCollectorMetrics()
 * metrics.events.inc({ outcome: 'accepted' }, 3)
 */
export function createCollectorMetrics(): CollectorMetrics {
  const requests = new Counter('sillage_http_requests_total', 'HTTP requests answered, by method, route and status.')
  const events = new Counter('sillage_events_total', 'Ingested events, by outcome (accepted, duplicate, rejected).')
  const ingestDuration = new Histogram(
    'sillage_ingest_duration_seconds',
    'Time for the store to commit a batch of events.',
    [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  )
  const storeErrors = new Counter(
    'sillage_store_errors_total',
    'Store calls that failed because the store was unavailable.',
  )
  return {
    requests,
    events,
    ingestDuration,
    storeErrors,
    render: () => [requests, events, ingestDuration, storeErrors].map((metric) => metric.render()).join('\n') + '\n',
  }
}
